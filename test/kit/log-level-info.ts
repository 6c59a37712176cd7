// Imported first by tests that read the logs: the logger takes its level when it is loaded. Only the config
// module is imported here (not the package index, which loads the logger).
import { overrideConfig } from '../../shared/src/config';

overrideConfig({ LOG_LEVEL: 'info' });
