/** An agency or procedure as this subgraph refers to it: only its code. */
export interface CodeRef {
  code: string;
}
