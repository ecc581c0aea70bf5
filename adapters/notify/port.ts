/** Sends a notification to a person: initial credentials, one-time passwords (R-ID-3, R-ID-4). */
export interface Notification {
  channel: 'EMAIL' | 'SMS';
  to: string;
  subject: string;
  text: string;
}

export interface Notifier {
  send(n: Notification): Promise<void>;
}
