/**
 * The widget's own words in European Portuguese: Brazilian Portuguese where the two agree,
 * the European word or construction ("a aguardar", "ecrã", "equipa") where they differ.
 */
import type { WidgetStrings } from './widget-en.ts';
import { WIDGET_PT_BR } from './widget-pt-br.ts';

export const WIDGET_PT_PT: WidgetStrings = {
  ...WIDGET_PT_BR,
  title: 'Fale connosco',
  subtitleBot: 'Assistente automático · uma pessoa está disponível se a pedir',
  subtitleWaiting: 'Assistente automático · uma pessoa vai juntar-se aqui',
  subtitleAgent: '{agent} · equipa de apoio',
  agentFallback: 'Um assistente',
  connecting: 'A ligá-lo a uma pessoa…',
  waiting: 'A aguardar uma pessoa…',
  waitingPlace: 'A aguardar uma pessoa · número {place} na fila',
  deferred: 'Guardado: uma pessoa irá contactá-lo',
  placeholder: 'Escreva a sua mensagem…',
  conversationOver:
    'Esta conversa terminou. Para escrever de novo, prima “Começar uma nova conversa” acima.',
  startFailed: 'Não foi possível iniciar o chat. Verifique a sua ligação e tente novamente.',
  ended: 'Conversa terminada',
  joined: '{agent} juntou-se à conversa',
  tooLong: 'A mensagem é demasiado longa: {length} de {limit} caracteres.',
  tooLongShort: 'demasiado longa (limite de {limit} caracteres)',
  somethingWrong: 'algo correu mal',
  offline: 'Ligação perdida. A restabelecer…',
  typing: '{name} está a escrever…',
  humanBadge: 'Equipa de apoio',
  askedForPerson: 'Gostaria de falar com uma pessoa.',
  sending: 'A enviar…',
  attachFile: 'Anexar um ficheiro',
  retry: 'Tentar novamente',
  ratingFailed: 'Não foi possível enviar a avaliação. Tente novamente.',
  poweredBy: 'Com tecnologia da Baton',
  preChatIntro: 'Antes de começar, fale-nos um pouco de si.',
  fieldOrderId: 'Número da encomenda',
  preChatStart: 'Iniciar a conversa',
  errorEmail: 'Escreva um endereço de e-mail, como nome@exemplo.pt.',
  errorPhone: 'Escreva um número de telefone com o indicativo do país, como +351 912 345 678.',
  errorTooLong: 'O texto é demasiado longo.',
  transcriptAddress: 'O seu endereço de e-mail',
  transcriptTooMany: 'Já pediu várias cópias. Tente novamente mais tarde.',
};
