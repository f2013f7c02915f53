// Buttons for a message that offers choices (`data.choices`). Native buttons, so Tab and
// Enter/Space work; labels go in with textContent. Once the customer has answered (or the
// choice stopped applying), the group is disabled and the pressed one stays marked.

export interface ChoiceOption {
  id: string;
  label: string;
}

export function choiceGroup(
  choices: readonly ChoiceOption[],
  onChoose: (choice: ChoiceOption) => void,
  label: string,
): HTMLElement {
  const group = document.createElement('div');
  group.className = 'choices';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  for (const choice of choices) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'choice';
    button.dataset.choice = choice.id;
    button.textContent = choice.label;
    button.addEventListener('click', () => {
      closeChoices(group, choice.id);
      onChoose(choice);
    });
    group.append(button);
  }
  return group;
}

/** Disables a group; marks the chosen button when known. */
export function closeChoices(group: Element, chosen?: string): void {
  for (const button of group.querySelectorAll<HTMLButtonElement>('button')) {
    button.disabled = true;
    if (chosen !== undefined && button.dataset.choice === chosen) {
      button.setAttribute('aria-pressed', 'true');
    }
  }
}
