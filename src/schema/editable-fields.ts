import { Field, type ClassType } from 'type-graphql';
import type { Problems } from '../errors/errors';
import { DateTimeScalar } from './date-time.scalar';

/**
 * Plain editable fields, each described once (name, column, limit, nullability, description), from
 * which a domain derives its row columns and row mapping, input validation, what a save assigns,
 * what a revision keeps, and the GraphQL fields of its type, its inputs and its revisions. A new
 * plain field is its entity property, one line in the domain's description, and a migration.
 */

/** Text: trimmed; empty is none (refused when required); at most `max` characters. */
export interface TextField<Required extends boolean = boolean> {
  kind: 'text';
  column: string;
  max: number;
  required: Required;
  /** What it is, without a full stop, e.g. "The label above the headline". */
  description: string;
}

/** An instant, or none. */
export interface DateTimeField {
  kind: 'dateTime';
  column: string;
  required: false;
  description: string;
}

export type FieldSpec = TextField | DateTimeField;
type Specs = Record<string, FieldSpec>;

type Base<F extends FieldSpec> = F extends TextField ? string : Date;
/** The value a field holds: null when it is optional and empty. */
export type FieldValue<F extends FieldSpec> = Base<F> | (F['required'] extends true ? never : null);
export type FieldValues<S extends Specs> = { -readonly [K in keyof S]: FieldValue<S[K]> };
/** What an input may give for each field: left out, it stays as it is; null empties an optional one. */
export type FieldInputs<S extends Specs> = { [K in keyof S]?: Base<S[K]> | null };
/** As a revision's JSON snapshot keeps it (instants as ISO strings). */
export type FieldSnapshot<S extends Specs> = { [K in keyof S]: S[K] extends TextField ? FieldValue<S[K]> : string | null };

export function text<Required extends boolean = false>(column: string, options: { max: number; required?: Required; description: string }): TextField<Required> {
  return { kind: 'text', column, max: options.max, required: (options.required ?? false) as Required, description: options.description };
}

export function dateTime(column: string, description: string): DateTimeField {
  return { kind: 'dateTime', column, required: false, description };
}

/** Every field a property of `Entity` that can hold its value: the type checker refuses any other. */
type Checked<Entity, S extends Specs> = { [K in keyof S]: K extends keyof Entity ? (FieldValue<S[K]> extends Entity[K] ? S[K] : never) : never };

export class EditableFields<S extends Specs> {
  private readonly entries: [name: keyof S & string, spec: FieldSpec][];

  private constructor(readonly specs: S) {
    this.entries = Object.entries(specs) as [keyof S & string, FieldSpec][];
  }

  /** The editable fields of `Entity`. */
  static of<Entity>() {
    return <S extends Specs>(specs: S & Checked<Entity, S>): EditableFields<S> => new EditableFields<S>(specs);
  }

  /** `alias.column as name` for each field, for a row query. */
  columns(alias: string): string[] {
    return this.entries.map(([name, spec]) => (spec.column === name ? `${alias}.${name}` : `${alias}.${spec.column} as ${name}`));
  }

  /** The fields of a raw row read with columns(). */
  fromRow(raw: Record<string, unknown>): FieldValues<S> {
    const values: Record<string, unknown> = {};
    for (const [name, spec] of this.entries) values[name] = toValue(spec, raw[name]);
    return values as FieldValues<S>;
  }

  /** The fields `input` gives, checked; creating, every required one must be given. Problems name `input.<field>`. */
  read(input: FieldInputs<S>, problems: Problems, creating: boolean): Partial<FieldValues<S>> {
    const values: Record<string, unknown> = {};
    for (const [name, spec] of this.entries) {
      const given = (input as Record<string, unknown>)[name];
      if (given === undefined && !(creating && spec.required)) continue;
      values[name] = spec.kind === 'text' ? (problems.text(['input', name], given as string | null | undefined, spec.max, spec.required) ?? (spec.required ? '' : null)) : (given ?? null);
    }
    return values as Partial<FieldValues<S>>;
  }

  /** Every field's value for a new row: what `values` gives, none for the rest. */
  complete(values: Partial<FieldValues<S>>): FieldValues<S> {
    return Object.fromEntries(this.entries.map(([name]) => [name, values[name] ?? null])) as FieldValues<S>;
  }

  /** Sets on `target` (an entity) each field `values` holds. */
  assign(target: Partial<FieldValues<S>>, values: Partial<FieldValues<S>>): void {
    for (const [name] of this.entries) if (values[name] !== undefined) target[name] = values[name];
  }

  /** The fields as a revision keeps them, from an entity. */
  snapshot(source: Partial<FieldValues<S>>): FieldSnapshot<S> {
    return Object.fromEntries(this.entries.map(([name]) => [name, source[name] instanceof Date ? (source[name] as Date).toISOString() : (source[name] ?? null)])) as FieldSnapshot<S>;
  }

  /** The fields a revision kept; none for a field added after it was saved. */
  fromSnapshot(snapshot: Partial<FieldSnapshot<S>>): FieldValues<S> {
    return this.fromRow(snapshot as Record<string, unknown>);
  }

  /** Declares the fields on a GraphQL object type; `suffix` ends each description (" at this version"). */
  output(type: ClassType, suffix = ''): void {
    for (const [name, spec] of this.entries) {
      Field(() => graphQLType(spec), { nullable: !spec.required, description: `${spec.description}${suffix}.` })(type.prototype, name);
    }
  }

  /** Declares the fields on an input: when creating, a required field must be given; when updating, any may be left out. */
  input(type: ClassType, mode: 'create' | 'update'): void {
    for (const [name, spec] of this.entries) {
      const limit = spec.kind === 'text' ? `, up to ${spec.max.toLocaleString('en')} characters` : '';
      const description =
        mode === 'create' ? `${spec.description}${limit}.` : `A new value: ${lowerFirst(spec.description)}${limit}${spec.required ? '' : '; null removes it'}. Left out, it stays.`;
      Field(() => graphQLType(spec), { nullable: mode === 'update' || !spec.required, description })(type.prototype, name);
    }
  }
}

function graphQLType(spec: FieldSpec) {
  return spec.kind === 'text' ? String : DateTimeScalar;
}

function toValue(spec: FieldSpec, raw: unknown): unknown {
  if (raw === undefined || raw === null) return spec.required ? raw : null;
  return spec.kind === 'dateTime' ? new Date(raw as string | number | Date) : raw;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
