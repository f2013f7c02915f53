/**
 * The one lookup of what the server says to a customer: the conversation's language tag
 * ("pt-PT", "es-MX", "de") picks a catalogue, region → language → English, and named
 * placeholders are filled. A queue may override any text per language (`QueueConfig.messages`,
 * keyed by a tag such as "es", "pt" or "pt-PT"); what it leaves out comes from the catalogue.
 */
import { CUSTOMER_DE } from './customer-de.ts';
import { CUSTOMER_EN, type CustomerKey, type CustomerStrings } from './customer-en.ts';
import { CUSTOMER_ES } from './customer-es.ts';
import { CUSTOMER_FR } from './customer-fr.ts';
import { CUSTOMER_PT_BR } from './customer-pt-br.ts';
import { CUSTOMER_PT_PT } from './customer-pt-pt.ts';
import {
  fillWidgetText,
  pickWidgetLanguage,
  WIDGET_LANGUAGES,
  type WidgetLanguage,
} from './widget-language.ts';

export type { CustomerKey, CustomerStrings } from './customer-en.ts';

/** The customer's languages are the widget's: one list, so the two never disagree. */
export type CustomerLanguage = WidgetLanguage;
export const CUSTOMER_LANGUAGES: readonly CustomerLanguage[] = WIDGET_LANGUAGES;

export const CUSTOMER_CATALOGUES = {
  en: CUSTOMER_EN,
  es: CUSTOMER_ES,
  de: CUSTOMER_DE,
  fr: CUSTOMER_FR,
  'pt-BR': CUSTOMER_PT_BR,
  'pt-PT': CUSTOMER_PT_PT,
} as const satisfies Readonly<Record<CustomerLanguage, CustomerStrings>>;

/** Per-language overrides of catalogue texts, keyed by language tag, then by text key. */
export type CustomerTextOverrides = Readonly<
  Record<string, Readonly<Partial<Record<string, string>>>>
>;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The named parameters a text takes, read from its English form: `{team}` → `{ team }`. */
export type CustomerParams<K extends CustomerKey> = Readonly<
  Record<Placeholders<(typeof CUSTOMER_EN)[K]>, string | number>
>;

/** The keys of texts that take no parameters (choice labels, fixed sentences). */
export type PlainCustomerKey = {
  [K in CustomerKey]: [Placeholders<(typeof CUSTOMER_EN)[K]>] extends [never] ? K : never;
}[CustomerKey];

/**
 * The catalogue language for a tag: the region's own catalogue when there is one ("pt-PT"),
 * else the language's ("es-MX" → "es"; Portuguese without Portugal is Brazilian), else English.
 */
export function customerLanguage(tag: string | null | undefined): CustomerLanguage {
  return pickWidgetLanguage([tag]);
}

/**
 * The entry of a record keyed by language tag that fits the customer best: the exact tag,
 * then the catalogue language, then the bare language ("pt-PT" → "pt-PT", "pt"). Used for
 * overrides and for queue names in the customer's language.
 */
export function byLanguage<T>(
  record: Readonly<Partial<Record<string, T>>> | undefined,
  tag: string | null | undefined,
): T | undefined {
  if (!record || !tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return record[tag] ?? record[customerLanguage(tag)] ?? record[base];
}

/** One text in the customer's language, a queue's override first, its parameters filled. */
export function customerText<K extends CustomerKey>(
  key: K,
  language: string | null | undefined,
  params: CustomerParams<K>,
  overrides: CustomerTextOverrides = {},
): string {
  return customerTextOf(key, language, params, overrides);
}

/**
 * The same for a key chosen at run time, whose parameters the compiler cannot check; an
 * unfilled placeholder stays visible ("{team}") so a mistake is seen, not hidden.
 */
export function customerTextOf(
  key: CustomerKey,
  language: string | null | undefined,
  params: Readonly<Record<string, string | number>> = {},
  overrides: CustomerTextOverrides = {},
): string {
  const override = byLanguage(overrides, language ?? 'en')?.[key];
  const template = override ?? CUSTOMER_CATALOGUES[customerLanguage(language)][key];
  return fillWidgetText(template, params);
}
