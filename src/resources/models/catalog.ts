/** A base model the mock knows: its id, when it was published, and what it can be fine-tuned with. */
export interface CatalogModel {
  readonly id: string;
  readonly created: number;
  readonly owned_by: string;
  /** Fine-tuning methods the model accepts; empty if it cannot be fine-tuned. */
  readonly fineTuning: readonly ('supervised' | 'dpo' | 'reinforcement')[];
  /** The dated snapshot an alias resolves to (used in `fine_tuned_model` names). */
  readonly snapshot?: string;
}

const SFT_DPO = ['supervised', 'dpo'] as const;

/** Base models served by `GET /v1/models`, with the fine-tunable ones marked. */
export const BASE_MODELS: readonly CatalogModel[] = [
  { id: 'gpt-4o-mini', created: 1721172741, owned_by: 'system', fineTuning: SFT_DPO, snapshot: 'gpt-4o-mini-2024-07-18' },
  { id: 'gpt-4o-mini-2024-07-18', created: 1721172717, owned_by: 'system', fineTuning: SFT_DPO },
  { id: 'gpt-4o', created: 1715367049, owned_by: 'system', fineTuning: SFT_DPO, snapshot: 'gpt-4o-2024-08-06' },
  { id: 'gpt-4o-2024-08-06', created: 1722814719, owned_by: 'system', fineTuning: SFT_DPO },
  { id: 'gpt-4.1', created: 1744316542, owned_by: 'system', fineTuning: SFT_DPO, snapshot: 'gpt-4.1-2025-04-14' },
  { id: 'gpt-4.1-2025-04-14', created: 1744315746, owned_by: 'system', fineTuning: SFT_DPO },
  { id: 'gpt-4.1-mini', created: 1744318173, owned_by: 'system', fineTuning: SFT_DPO, snapshot: 'gpt-4.1-mini-2025-04-14' },
  { id: 'gpt-4.1-mini-2025-04-14', created: 1744317547, owned_by: 'system', fineTuning: SFT_DPO },
  { id: 'gpt-4.1-nano', created: 1744321707, owned_by: 'system', fineTuning: SFT_DPO, snapshot: 'gpt-4.1-nano-2025-04-14' },
  { id: 'gpt-4.1-nano-2025-04-14', created: 1744321025, owned_by: 'system', fineTuning: SFT_DPO },
  { id: 'gpt-3.5-turbo', created: 1677610602, owned_by: 'openai', fineTuning: ['supervised'], snapshot: 'gpt-3.5-turbo-0125' },
  { id: 'gpt-3.5-turbo-0125', created: 1706048358, owned_by: 'system', fineTuning: ['supervised'] },
  { id: 'gpt-3.5-turbo-1106', created: 1698959748, owned_by: 'system', fineTuning: ['supervised'] },
  { id: 'o4-mini', created: 1744225351, owned_by: 'system', fineTuning: ['reinforcement'], snapshot: 'o4-mini-2025-04-16' },
  { id: 'o4-mini-2025-04-16', created: 1744133506, owned_by: 'system', fineTuning: ['reinforcement'] },
  { id: 'babbage-002', created: 1692634615, owned_by: 'system', fineTuning: ['supervised'] },
  { id: 'davinci-002', created: 1692634301, owned_by: 'system', fineTuning: ['supervised'] },
  { id: 'gpt-4', created: 1687882411, owned_by: 'openai', fineTuning: [] },
  { id: 'gpt-4-turbo', created: 1712361441, owned_by: 'system', fineTuning: [] },
  { id: 'gpt-5', created: 1754425777, owned_by: 'system', fineTuning: [] },
  { id: 'gpt-5-mini', created: 1754425928, owned_by: 'system', fineTuning: [] },
  { id: 'gpt-5-nano', created: 1754426384, owned_by: 'system', fineTuning: [] },
  { id: 'o1', created: 1734375816, owned_by: 'system', fineTuning: [] },
  { id: 'o3', created: 1744225308, owned_by: 'system', fineTuning: [] },
  { id: 'o3-mini', created: 1737146383, owned_by: 'system', fineTuning: [] },
  { id: 'text-embedding-3-small', created: 1705948997, owned_by: 'system', fineTuning: [] },
  { id: 'text-embedding-3-large', created: 1705953180, owned_by: 'system', fineTuning: [] },
  { id: 'text-embedding-ada-002', created: 1671217299, owned_by: 'openai-internal', fineTuning: [] },
  { id: 'omni-moderation-latest', created: 1731689265, owned_by: 'system', fineTuning: [] },
  { id: 'whisper-1', created: 1677532384, owned_by: 'openai-internal', fineTuning: [] },
  { id: 'tts-1', created: 1681940951, owned_by: 'openai-internal', fineTuning: [] },
  { id: 'dall-e-3', created: 1698785189, owned_by: 'system', fineTuning: [] },
];

const BY_ID = new Map(BASE_MODELS.map((m) => [m.id, m]));

export function baseModel(id: string): CatalogModel | undefined {
  return BY_ID.get(id);
}
