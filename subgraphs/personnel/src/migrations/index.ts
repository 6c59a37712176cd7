import { PersonnelInit } from './0001_init.js';
import { PersonnelSupervision } from './0002_supervision.js';

export const migrations = [
  { name: '0001_personnel_init', class: PersonnelInit },
  { name: '0002_personnel_supervision', class: PersonnelSupervision },
];
