import { DisclosureInit } from './0001_init.js';

export const migrations = [{ name: '0001_disclosure_init', class: DisclosureInit }];
