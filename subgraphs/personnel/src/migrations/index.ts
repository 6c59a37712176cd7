import { PersonnelInit } from './0001_init.js';

export const migrations = [{ name: '0001_personnel_init', class: PersonnelInit }];
