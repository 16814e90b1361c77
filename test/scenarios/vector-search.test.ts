/**
 * A user's vector search, tested against the mock: the code under test embeds CVs in one request,
 * embeds a query (or a job offer), ranks by cosine similarity and keeps the best matches. The mock's
 * vectors are not semantic, but texts that share words are closer, so rankings are meaningful.
 */
import type OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';

// ---- The application under test (src/search.ts in a real project) ----

interface Doc {
  readonly id: string;
  readonly text: string;
}

interface Match {
  readonly id: string;
  readonly score: number;
}

function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(normA * normB);
}

class VectorIndex {
  readonly #entries: { id: string; vector: number[] }[] = [];

  constructor(
    private readonly client: OpenAI,
    private readonly options: { model: string; dimensions?: number } = { model: 'text-embedding-3-small' },
  ) {}

  /** Embeds every document in one request. */
  async add(docs: readonly Doc[]): Promise<void> {
    const response = await this.client.embeddings.create({ ...this.options, input: docs.map((d) => d.text) });
    for (const item of response.data) this.#entries.push({ id: docs[item.index]!.id, vector: item.embedding });
  }

  /** The k documents closest to the query, best first, scoring at least minScore. */
  async search(query: string, { k = 3, minScore = -1 }: { k?: number; minScore?: number } = {}): Promise<Match[]> {
    const response = await this.client.embeddings.create({ ...this.options, input: query });
    const vector = response.data[0]!.embedding;
    return this.#entries
      .map((entry) => ({ id: entry.id, score: cosineSimilarity(vector, entry.vector) }))
      .filter((match) => match.score >= minScore)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  /** The stored vectors, as an application would persist them. */
  export(): { id: string; vector: number[] }[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }
}

// ---- The tests ----

const CVS: readonly Doc[] = [
  { id: 'cv-python', text: 'Senior Python developer, 8 years with Django and PostgreSQL. Built REST APIs and Celery task queues for a fintech startup.' },
  { id: 'cv-frontend', text: 'Frontend engineer specialised in React and TypeScript. Design systems, accessibility, CSS animations and Storybook.' },
  { id: 'cv-data', text: 'Data scientist: Python, pandas and scikit-learn. Machine learning models for churn prediction, SQL and dashboards.' },
  { id: 'cv-devops', text: 'DevOps engineer running Kubernetes clusters on AWS with Terraform, Prometheus monitoring and GitHub Actions pipelines.' },
  { id: 'cv-pastry', text: 'Pastry chef trained in Lyon. Ten years in French bakeries: croissants, viennoiserie, wedding cakes and sourdough bread.' },
  { id: 'cv-nurse', text: 'Registered nurse with pediatric intensive care experience, night shifts and patient family support.' },
];

const JOB_OFFERS: readonly (Doc & { expected: string })[] = [
  { id: 'job-backend', expected: 'cv-python', text: 'We are hiring a Senior Backend Engineer (Python/Django) to build REST APIs on PostgreSQL.' },
  { id: 'job-platform', expected: 'cv-devops', text: 'Platform team looks for an engineer to run our Kubernetes clusters on AWS with Terraform.' },
  { id: 'job-bakery', expected: 'cv-pastry', text: 'Artisan bakery in Paris seeks a pastry chef for croissants and wedding cakes.' },
  { id: 'job-hospital', expected: 'cv-nurse', text: "Children's hospital: registered nurse for the pediatric intensive care unit, night shifts." },
  { id: 'job-ui', expected: 'cv-frontend', text: 'Build our design system in React and TypeScript, with a strong eye for accessibility.' },
];

const client = makeClient();

async function indexedCvs(options?: { model: string; dimensions?: number }): Promise<VectorIndex> {
  const index = new VectorIndex(client, options);
  await index.add(CVS);
  return index;
}

describe('semantic-ish search over CVs', () => {
  test('a Python/Django query ranks the Python CV first, far above the pastry chef', async () => {
    const index = await indexedCvs();
    const results = await index.search('python django engineer', { k: 6 });
    expect(results[0]!.id).toBe('cv-python');
    const pastry = results.find((r) => r.id === 'cv-pastry')!;
    expect(results[0]!.score - pastry.score).toBeGreaterThan(0.2);
  });

  test('top-2 order: the data scientist, then the Python developer, for a Python ML query', async () => {
    const index = await indexedCvs();
    const results = await index.search('machine learning with python and pandas', { k: 2 });
    expect(results.map((r) => r.id)).toEqual(['cv-data', 'cv-python']);
  });

  test('each job offer finds its candidate', async () => {
    const index = await indexedCvs();
    for (const offer of JOB_OFFERS) {
      const [best] = await index.search(offer.text, { k: 1 });
      expect({ offer: offer.id, best: best!.id }).toEqual({ offer: offer.id, best: offer.expected });
    }
  });

  test('a score threshold keeps only the relevant CV', async () => {
    const index = await indexedCvs();
    const results = await index.search('french pastry chef for our bakery', { minScore: 0.2 });
    expect(results.map((r) => r.id)).toEqual(['cv-pastry']);
  });

  test('one request embeds all documents; each search sends one more', async () => {
    const index = await indexedCvs();
    await index.search('kubernetes terraform aws');
    expect(openaiMock.requests.map((r) => (r.body as { input: unknown }).input)).toEqual([
      CVS.map((cv) => cv.text),
      'kubernetes terraform aws',
    ]);
  });

  test('shortened vectors (dimensions: 256) keep the same best matches', async () => {
    const index = await indexedCvs({ model: 'text-embedding-3-small', dimensions: 256 });
    expect(index.export()[0]!.vector).toHaveLength(256);
    for (const offer of JOB_OFFERS) {
      const [best] = await index.search(offer.text, { k: 1 });
      expect(best!.id).toBe(offer.expected);
    }
  });

  test('text-embedding-3-large works the same way at 3072 dimensions', async () => {
    const index = await indexedCvs({ model: 'text-embedding-3-large' });
    expect(index.export()[0]!.vector).toHaveLength(3072);
    const [best] = await index.search('react typescript frontend', { k: 1 });
    expect(best!.id).toBe('cv-frontend');
  });

  test('vectors persisted before a reset still match queries embedded after it', async () => {
    const stored = (await indexedCvs()).export();
    openaiMock.reset();
    const rebuilt = (await indexedCvs()).export();
    expect(rebuilt).toEqual(stored);
  });
});
