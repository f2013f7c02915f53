// What is known of the person across their conversations (the `fields` of GET …/contact):
// each value with where it came from, and whether Baton vouches for it or it is only the
// customer's word.

import type { ContactAnswer } from './api.ts';
import { channelLabel, fieldLabel } from './format.ts';

export interface ContactFieldsProps {
  fields: ContactAnswer['fields'];
  conversationId: string;
}

export function ContactFields(props: ContactFieldsProps) {
  if (props.fields.length === 0) return null;
  return (
    <div class="contact-fields">
      <h4>What we know</h4>
      <dl>
        {props.fields.map((field) => (
          <div key={`${field.name}:${field.value}`} class="contact-field" data-field={field.name}>
            <dt>{capitalised(fieldLabel(field.name))}</dt>
            <dd>
              <span class="contact-field-value">{field.value}</span>
              <span class="muted contact-field-sources">
                {' '}
                from{' '}
                {field.sources
                  .map(
                    (s) =>
                      `${s.conversationId === props.conversationId ? 'this conversation' : channelLabel(s.channel)} (${s.verified ? 'verified' : 'unverified'})`,
                  )
                  .join(', ')}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
