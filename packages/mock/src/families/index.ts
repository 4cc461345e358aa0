// The API families every server and CLI serves, in route-matching order. Adding a family is its
// own files plus one line here.
import { langwatchFamily } from './langwatch.js';
import { vineFamily } from './vine.js';

export const defaultFamilies = [langwatchFamily, vineFamily] as const;

export type DefaultFamilies = typeof defaultFamilies;
