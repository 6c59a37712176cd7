import { RecordsInit } from './0001_init.js';

export const migrations = [{ name: '0001_records_init', class: RecordsInit }];
import { RecordsJournal } from './0002_journal.js'; migrations.push({ name: '0002_records_journal', class: RecordsJournal });
