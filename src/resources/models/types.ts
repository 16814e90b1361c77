/** The Model object, as `GET /v1/models/{id}` returns it. */
export interface Model {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}
