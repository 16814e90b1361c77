import { describeIsolatedFile } from './isolation';

describeIsolatedFile('charlie', 4);
