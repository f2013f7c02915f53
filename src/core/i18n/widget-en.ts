/**
 * The widget's own words in English: the catalogue every other language must match key for
 * key (test/core/widget-catalogue.test.ts). Bundled into widget.js; the other languages are
 * fetched only when the visitor needs them. Placeholders: {agent} {place} {length} {limit}
 * {error} {name} {title} {n}.
 */
export const WIDGET_EN = {
  title: 'Chat with us',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  subtitleBot: 'Automated assistant · a person is available on request',
  subtitleWaiting: 'Automated assistant · a person will join here',
  subtitleAgent: '{agent} · Support team',
  agentFallback: 'An agent',
  talkToHuman: 'Talk to a human',
  connecting: 'Connecting you to a person…',
  waiting: 'Waiting for a person…',
  waitingPlace: 'Waiting for a person · number {place} in line',
  deferred: 'Saved: a person will follow up',
  joined: '{agent} joined',
  ended: 'Conversation ended',
  resolved: 'Conversation resolved',
  restart: 'Start a new conversation',
  messagesLabel: 'Messages',
  messageLabel: 'Message',
  placeholder: 'Type your message…',
  send: 'Send message',
  attachFile: 'Attach a file',
  conversationOver:
    'This conversation has ended. To write again, press “Start a new conversation” above.',
  startFailed: 'We could not start the chat. Check your connection and try again.',
  tooLong: 'Message is too long: {length} of {limit} characters.',
  tooLongShort: 'too long (limit {limit} characters)',
  somethingWrong: 'something went wrong',
  humanFailed: 'Could not reach a person: {error}',
  offline: 'Connection lost. Reconnecting…',
  typing: '{name} is typing…',
  you: 'You',
  assistant: 'Assistant',
  automatedBadge: 'Automated assistant',
  humanBadge: 'Support team',
  askedForPerson: 'I’d like to talk to a person.',
  source: 'Source: {title}',
  sending: 'Sending…',
  sent: 'Sent',
  notSent: 'Not sent: {error}',
  retry: 'Retry',
  assistantBack: 'The automated assistant is back',
  chooseOption: 'Choose an option',
  rateConversation: 'Rate this conversation',
  oneStar: '1 star',
  manyStars: '{n} stars',
  commentPlaceholder: 'Anything to add? (optional)',
  commentLabel: 'Comment (optional)',
  sendRating: 'Send rating',
  ratingFailed: 'Could not send the rating. Please try again.',
  ratingThanks: 'Thank you for your rating!',
  poweredBy: 'Powered by Baton',
} as const;

export type WidgetKey = keyof typeof WIDGET_EN;
export type WidgetStrings = Readonly<Record<WidgetKey, string>>;
