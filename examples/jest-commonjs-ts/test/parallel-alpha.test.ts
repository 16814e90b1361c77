import { describeIsolatedFile } from './isolation';

describeIsolatedFile('alpha', 2);
