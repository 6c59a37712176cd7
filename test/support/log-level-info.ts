// Imported first by tests that read the logs: the logger takes its level when it is loaded.
process.env.LOG_LEVEL = 'info';
export {};
