// The second baseline: a setup file that only loads Node's `http` as an ES module, which makes
// Node load its own fetch implementation (undici). nock does this when it loads, and so does the
// first request of any test that uses fetch: a cost the test pays with or without openai-mock.
import http from 'node:http';

void http;
