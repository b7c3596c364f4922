// Options of a <select>, from the core's catalogue.
import type { Choice } from './bindings/Choice';
import type { Field } from './bindings/Field';

export interface Option {
  value: string;
  label: string;
}

export const choiceOptions = (choices: Choice[]): Option[] => choices.map((c) => ({ value: c.code, label: c.label }));

export const fieldOptions = (fields: Field[]): Option[] => fields.map((f) => ({ value: f.code, label: f.name }));
