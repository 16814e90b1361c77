// Type-level tests of what the resource modules put on the mock: the facade's type is built
// from the composition list, so each collection, method, seed entry and option slice must keep
// its exact type. Compiled by `tsc -p tsconfig.json --noEmit`; never executed.
import { expectTypeOf, test } from 'vitest';
import type {
  Batch,
  FileObject,
  FineTuningJob,
  LifecycleState,
  Model,
  ModerationSource,
  OpenAIMock,
  OpenAIMockOptions,
  ReadonlyCollection,
  ResponseObject,
  Upload,
  UploadStatus,
} from '../../src/index.js';
import { createOpenAIMock } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';

test('methods that chain return the mock', () => {
  expectTypeOf(openaiMock.replyWith('Paris')).toEqualTypeOf<OpenAIMock>();
  expectTypeOf(openaiMock.replyOnce('a', { content: 'b' })).toEqualTypeOf<OpenAIMock>();
  expectTypeOf(openaiMock.embedWith({ cats: [1, 0] })).toEqualTypeOf<OpenAIMock>();
  expectTypeOf(openaiMock.moderateWith({ 'I will hurt you': ['violence'] })).toEqualTypeOf<OpenAIMock>();
  expectTypeOf(openaiMock.moderateWith).parameter(0).toEqualTypeOf<ModerationSource>();
  openaiMock.moderateWith((text, { images }) => (images.length > 0 ? { categories: { sexual: true }, category_scores: { sexual: 0.9 } } : undefined));
  // @ts-expect-error a verdict names categories the API has
  openaiMock.moderateWith({ 'I will hurt you': ['violent'] });
  expectTypeOf(openaiMock.pendingReplies).toEqualTypeOf<number>();
  expectTypeOf(openaiMock.replyWith('x').configure({ timing: 'instant' }).reset()).toEqualTypeOf<OpenAIMock>();
});

test('every collection reads its own objects; timed ones have lifecycles, plans and steps', () => {
  expectTypeOf(openaiMock.files.get('f')).toEqualTypeOf<FileObject | undefined>();
  expectTypeOf(openaiMock.jobs.all()).toEqualTypeOf<FineTuningJob[]>();
  expectTypeOf(openaiMock.batches.step('b')).toEqualTypeOf<Batch>();
  expectTypeOf(openaiMock.responses.get('r')).toEqualTypeOf<ResponseObject | undefined>();
  expectTypeOf(openaiMock.models).toEqualTypeOf<ReadonlyCollection<Model>>();
  expectTypeOf(openaiMock.uploads.lifecycle('u')).toEqualTypeOf<LifecycleState<UploadStatus> | undefined>();
  expectTypeOf(openaiMock.uploads.step('u')).toEqualTypeOf<Upload>();
  openaiMock.files.plan({ hold: true });
  openaiMock.responses.plan({ hold: 'in_progress', fail: { code: 'server_error', message: 'x' } });
  // @ts-expect-error a response plan holds a phase of a background response
  openaiMock.responses.plan({ hold: 'validating' });
  // @ts-expect-error models have no lifecycle
  void openaiMock.models.lifecycle;
});

test('seed entries take the objects of their resource', () => {
  expectTypeOf(openaiMock.seed.file).parameter(0).toEqualTypeOf<FileObject>();
  expectTypeOf(openaiMock.seed.batch).returns.toEqualTypeOf<Batch>();
  // @ts-expect-error there is no seed entry for chat completions
  void openaiMock.seed.chatCompletion;
});

test("the options are the engine's and every resource's slice, and are checked", () => {
  const options: OpenAIMockOptions = {
    timing: 'instant',
    files: { processingMs: 0 },
    fineTuning: { timings: { queued: 10 }, minExamples: 10 },
    batches: { failCustomIds: ['a'], completionWindowMs: 1000 },
  };
  createOpenAIMock({ ...options, transport: 'fetch' });
  expectTypeOf(openaiMock.config.fineTuning.timings.running).toEqualTypeOf<number>();
  expectTypeOf(openaiMock.config.batches.failCustomIds).toEqualTypeOf<ReadonlySet<string>>();
  // @ts-expect-error an unknown phase
  openaiMock.configure({ fineTuning: { timings: { training: 1 } } });
  // @ts-expect-error processingMs is a number
  openaiMock.configure({ files: { processingMs: '2s' } });
});
