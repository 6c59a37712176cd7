import { ReviewInit } from './0001_init.js';

export const migrations = [{ name: '0001_review_init', class: ReviewInit }];
