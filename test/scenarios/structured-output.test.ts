/**
 * "Parse a CV into JSON": code that sends a CV to the model with a strict JSON schema and reads
 * back a structured profile, tested the way its author would test it with openai-mock. The
 * project has no zod, so the schema is a plain JSON schema and `chat.completions.parse()`
 * parses the content with JSON.parse; ajv checks what comes back.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import OpenAI from 'openai';
import { LengthFinishReasonError } from 'openai/core/error';
import { describe, expect, test } from 'vitest';
import type { ReplyRequest } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** The profile the code under test asks for (strict structured outputs: all keys required, no extras). */
const CV_SCHEMA = {
  type: 'object',
  $defs: {
    position: {
      type: 'object',
      properties: {
        company: { type: 'string' },
        title: { type: 'string' },
        start: { type: 'string', format: 'date' },
        end: nullable({ type: 'string', format: 'date' }),
        highlights: { type: 'array', items: { type: 'string' } },
      },
      required: ['company', 'title', 'start', 'end', 'highlights'],
      additionalProperties: false,
    },
  },
  properties: {
    name: { type: 'string' },
    email: nullable({ type: 'string', format: 'email' }),
    seniority: { type: 'string', enum: ['junior', 'mid', 'senior', 'lead'] },
    yearsOfExperience: { type: 'integer', minimum: 0 },
    skills: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    experience: { type: 'array', items: { $ref: '#/$defs/position' } },
    languages: {
      type: 'array',
      items: {
        type: 'object',
        properties: { language: { type: 'string' }, level: { type: 'string', enum: ['basic', 'fluent', 'native'] } },
        required: ['language', 'level'],
        additionalProperties: false,
      },
    },
  },
  required: ['name', 'email', 'seniority', 'yearsOfExperience', 'skills', 'experience', 'languages'],
  additionalProperties: false,
};

interface Profile {
  name: string;
  email: string | null;
  seniority: 'junior' | 'mid' | 'senior' | 'lead';
  yearsOfExperience: number;
  skills: string[];
  experience: { company: string; title: string; start: string; end: string | null; highlights: string[] }[];
  languages: { language: string; level: 'basic' | 'fluent' | 'native' }[];
}

class CvRefused extends Error {}

/** The code under test. */
class CvParser {
  constructor(
    private readonly client: OpenAI,
    private readonly schema: Record<string, unknown> = CV_SCHEMA,
  ) {}

  async parse(cvText: string): Promise<Profile> {
    const completion = await this.client.chat.completions.parse({
      model: 'gpt-4o-2024-08-06',
      messages: [
        { role: 'system', content: 'Extract the candidate profile from the CV.' },
        { role: 'user', content: cvText },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'cv_profile', schema: this.schema, strict: true } },
    });
    const message = completion.choices[0]!.message;
    if (message.refusal) throw new CvRefused(message.refusal);
    return message.parsed as Profile;
  }

  /** The same, streamed: reports how many partial profiles it saw on the way. */
  async parseStreaming(cvText: string): Promise<{ profile: Profile; partials: number }> {
    let partials = 0;
    const stream = this.client.chat.completions
      .stream({
        model: 'gpt-4o-2024-08-06',
        messages: [{ role: 'user', content: cvText }],
        response_format: { type: 'json_schema', json_schema: { name: 'cv_profile', schema: this.schema, strict: true } },
      })
      .on('content.delta', ({ parsed }) => {
        if (parsed !== null) partials += 1;
      });
    const completion = await stream.finalChatCompletion();
    return { profile: completion.choices[0]!.message.parsed as Profile, partials };
  }
}

const CV = `Ada Lovelace — ada@example.com
Senior engineer, 12 years. Analytical Engine (1842–1843): wrote the first published algorithm.
Skills: mathematics, programming, technical writing. Languages: English (native), French (fluent).`;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validProfile = ajv.compile(CV_SCHEMA);

const client = makeClient();
const parser = new CvParser(client);

describe('parsing a CV into JSON', () => {
  test('unscripted, the mock answers a profile that fits the schema', async () => {
    const profile = await parser.parse(CV);
    expect(validProfile(profile) ? [] : validProfile.errors).toEqual([]);
    expect(profile).toMatchObject({ name: 'name', seniority: 'junior', experience: [{ company: 'company', end: '2025-01-01' }] });
  });

  test('a reply function builds the profile from the CV it is given', async () => {
    const seen: ReplyRequest[] = [];
    openaiMock.replyWith((request) => {
      seen.push(request);
      const email = /[\w.]+@[\w.]+/.exec(request.lastUserMessage)?.[0] ?? null;
      return {
        content: {
          name: request.lastUserMessage.split(' — ')[0]!,
          email,
          seniority: 'senior',
          yearsOfExperience: 12,
          skills: ['mathematics', 'programming', 'technical writing'],
          experience: [
            { company: 'Analytical Engine', title: 'Engineer', start: '1842-01-01', end: '1843-12-31', highlights: ['First published algorithm'] },
          ],
          languages: [
            { language: 'English', level: 'native' },
            { language: 'French', level: 'fluent' },
          ],
        },
      };
    });
    const profile = await parser.parse(CV);
    expect(validProfile(profile)).toBe(true);
    expect(profile).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', seniority: 'senior', yearsOfExperience: 12 });
    expect(seen[0]).toMatchObject({
      model: 'gpt-4o-2024-08-06',
      schema: { name: 'cv_profile', schema: CV_SCHEMA, strict: true },
      messages: [
        { role: 'system', content: 'Extract the candidate profile from the CV.' },
        { role: 'user', content: CV },
      ],
    });
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('a refusal reaches the code as a refusal, not as JSON', async () => {
    openaiMock.replyOnce({ refusal: "I'm sorry, I can't help with that request." });
    const error = await rejection(parser.parse(CV));
    expect(error).toBeInstanceOf(CvRefused);
    expect((error as Error).message).toBe("I'm sorry, I can't help with that request.");
  });

  test('a reply cut by the token limit makes parse() throw LengthFinishReasonError', async () => {
    openaiMock.replyOnce({ content: '{"name":"Ada', finishReason: 'length' });
    await expect(parser.parse(CV)).rejects.toBeInstanceOf(LengthFinishReasonError);
  });

  test('a schema strict mode rejects is a 400, as the API answers it', async () => {
    const loose = { ...CV_SCHEMA, $defs: { position: { ...CV_SCHEMA.$defs.position, additionalProperties: true } } };
    const error = await rejection(new CvParser(client, loose).parse(CV));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      error: {
        message: "Invalid schema for response_format 'cv_profile': In context=('$defs', 'position'), 'additionalProperties' is required to be supplied and to be false.",
        type: 'invalid_request_error',
        param: 'response_format',
        code: null,
      },
    });
  });

  test('streamed, the profile builds up in partial snapshots and ends valid', async () => {
    const { profile, partials } = await parser.parseStreaming(CV);
    expect(validProfile(profile) ? [] : validProfile.errors).toEqual([]);
    expect(partials).toBeGreaterThan(3);
  });
});
