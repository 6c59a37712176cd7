import { RecordsInit } from './0001_init.js';

export const migrations = [{ name: '0001_records_init', class: RecordsInit }];
