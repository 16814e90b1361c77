// The third baseline: a setup file that only loads nock (which loads Node's `http` and with it
// Node's fetch). The default transport needs nock, so this is the share of the setup cost that
// comes with it rather than with openai-mock's own code.
import nock from 'nock';

void nock;
