/**
 * The dossier workflow (352/QĐ-BHXH Art. 7, 10, 12, 14, 19): internal states, the public state
 * of Art. 12 each maps to (R-DOS-3), the national portal's status code (1–10), and the actions
 * that move a dossier between them.
 */
export const STATES = {
  RECEIVED: { public: 'RECEIVED', npsp: 2, label: 'đã tiếp nhận' },
  REJECTED: { public: 'REJECTED', npsp: 3, label: 'từ chối tiếp nhận' },
  ASSIGNED: { public: 'RECEIVED', npsp: 2, label: 'đã phân công phòng ban' },
  PROCESSING: { public: 'PROCESSING', npsp: 4, label: 'đang xử lý' },
  SUPPLEMENT_REQUESTED: { public: 'PROCESSING', npsp: 5, label: 'yêu cầu bổ sung' },
  SUSPENDED: { public: 'PROCESSING', npsp: 8, label: 'tạm dừng xử lý' },
  TRANSFERRED: { public: 'PROCESSING', npsp: 4, label: 'chuyển liên thông' },
  // Art. 12 has no "withdrawn": the dossier is closed without a result, the nearest public state.
  WITHDRAWN: { public: 'REJECTED', npsp: 7, label: 'rút hồ sơ theo yêu cầu' },
  RESULT_READY: { public: 'RESULT_READY', npsp: 9, label: 'đã có kết quả' },
  RESULT_RETURNED: { public: 'RESULT_RETURNED', npsp: 10, label: 'đã trả kết quả' },
} as const;

export type DossierState = keyof typeof STATES;
export type PublicStatus = (typeof STATES)[DossierState]['public'];

export const ACTIONS = {
  REJECT: { from: ['RECEIVED', 'ASSIGNED'], to: 'REJECTED', needsReason: true },
  ASSIGN: { from: ['RECEIVED', 'ASSIGNED', 'TRANSFERRED'], to: 'ASSIGNED', needsReason: false },
  START_PROCESSING: { from: ['RECEIVED', 'ASSIGNED', 'TRANSFERRED'], to: 'PROCESSING', needsReason: false },
  REQUEST_SUPPLEMENT: { from: ['PROCESSING'], to: 'SUPPLEMENT_REQUESTED', needsReason: true },
  RECEIVE_SUPPLEMENT: { from: ['SUPPLEMENT_REQUESTED'], to: 'PROCESSING', needsReason: false },
  TRANSFER: { from: ['PROCESSING'], to: 'TRANSFERRED', needsReason: true },
  SUSPEND: { from: ['PROCESSING'], to: 'SUSPENDED', needsReason: true },
  RESUME: { from: ['SUSPENDED'], to: 'PROCESSING', needsReason: false },
  WITHDRAW: { from: ['RECEIVED', 'ASSIGNED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'SUSPENDED', 'TRANSFERRED'], to: 'WITHDRAWN', needsReason: true },
  COMPLETE: { from: ['PROCESSING'], to: 'RESULT_READY', needsReason: false },
  RETURN_RESULT: { from: ['RESULT_READY'], to: 'RESULT_RETURNED', needsReason: false },
} as const satisfies Record<string, { from: readonly DossierState[]; to: DossierState; needsReason: boolean }>;

export type DossierAction = keyof typeof ACTIONS;

export function allowedActions(state: DossierState): DossierAction[] {
  return (Object.keys(ACTIONS) as DossierAction[]).filter((a) => (ACTIONS[a].from as readonly string[]).includes(state));
}

export const publicStatusOf = (state: DossierState): PublicStatus => STATES[state].public;
export const npspStatusOf = (state: DossierState): number => STATES[state].npsp;
