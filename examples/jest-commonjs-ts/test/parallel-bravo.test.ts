import { describeIsolatedFile } from './isolation';

describeIsolatedFile('bravo', 3);
