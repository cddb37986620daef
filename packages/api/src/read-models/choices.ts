const CHOICES = { 1: 'yes', 2: 'no', 3: 'abstain' } as const;
export type ChoiceName = (typeof CHOICES)[keyof typeof CHOICES];

export function choiceName(choice: number): ChoiceName | 'invalid' {
  return CHOICES[choice as 1 | 2 | 3] ?? 'invalid';
}
