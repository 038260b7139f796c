/**
 * Shapes of the CartBay schema.
 *
 * Everything CartBay declares once (names, defaults, limits, routes, jobs, emails) is typed here, so the
 * codegen, the admin UI and the checkout scripts all read the same declarations the PHP runtime enforces.
 */

/** A PHP callable on a hand-written runtime class: `Api\SettingsController::get_settings`. */
export interface PhpHandler {
	/** Class name relative to the `WPAnchorBay\CartBay\` namespace, e.g. `Api\SettingsController`. */
	readonly class: string;
	/** Public method on an instance of that class, resolved through the plugin's service registry. */
	readonly method: string;
}

/** A WooCommerce order status owned by CartBay. */
export interface OrderStatusDef {
	/** Slug without the `wc-` prefix; with it, it must fit WooCommerce's 20-character status column. */
	readonly slug: string;
	/** Short key used by code and the REST API (`captured`, `abandoned`, …). */
	readonly key: string;
	readonly label: string;
	readonly description: string;
	/** Slug the public docs use when it differs (documented in README). */
	readonly specSlug?: string;
}

interface FieldBase {
	readonly key: string;
	readonly label: string;
	readonly description: string;
	/** Admin section the field belongs to (Capture, Offers, Settings, …). */
	readonly section: string;
	/**
	 * Why turning this (boolean) field on is dangerous: the form styles it as a danger and asks for
	 * confirmation with this text before it is switched on.
	 */
	readonly danger?: string;
}

export interface BooleanField extends FieldBase {
	readonly type: 'boolean';
	readonly default: boolean;
}

export interface IntegerField extends FieldBase {
	readonly type: 'integer';
	readonly default: number;
	readonly minimum: number;
	readonly maximum: number;
	readonly unit?: string;
}

export interface NumberField extends FieldBase {
	readonly type: 'number';
	readonly default: number;
	readonly minimum: number;
	readonly maximum: number;
	/** Decimal places kept after rounding half away from zero. */
	readonly precision: number;
}

export interface StringField extends FieldBase {
	readonly type: 'string';
	readonly default: string;
	/** Longest value kept, in Unicode code points, after tags are stripped and whitespace collapsed. */
	readonly maxLength: number;
}

export interface EnumField extends FieldBase {
	readonly type: 'enum';
	readonly default: string;
	readonly options: readonly {
		readonly value: string;
		readonly label: string;
	}[];
}

export type SettingsField =
	BooleanField | IntegerField | NumberField | StringField | EnumField;

/** A cross-field rule applied after every field is normalized on its own. */
export interface CapRule {
	readonly kind: 'cap_when';
	/** The numeric field to cap. */
	readonly field: string;
	/** …when this enum field… */
	readonly when: string;
	/** …has this value… */
	readonly equals: string;
	/** …to this maximum. */
	readonly maximum: number;
	readonly description: string;
}

/** One WordPress option holding an object of fields. */
export interface SettingsOptionDef {
	readonly option: string;
	readonly description: string;
	readonly fields: readonly SettingsField[];
	readonly rules: readonly CapRule[];
}

export type DelayUnit = 'minutes' | 'hours' | 'days';

export interface SequenceStepDefault {
	readonly delay_value: number;
	readonly delay_unit: DelayUnit;
	readonly coupon_enabled: boolean;
}

/** The recovery campaign option: a master switch plus ordered timed steps. */
export interface CampaignDef {
	readonly option: string;
	readonly description: string;
	readonly enabled: BooleanField;
	/** Key of the step list in the option. */
	readonly stepsKey: string;
	/** Default steps, in order: derived from `recoverySteps` (steps.ts), never declared here. */
	readonly steps: readonly SequenceStepDefault[];
	readonly units: readonly {
		readonly value: DelayUnit;
		readonly label: string;
		readonly minutes: number;
	}[];
	readonly minDelayMinutes: number;
	readonly maxDelayMinutes: number;
	readonly minGapMinutes: number;
	/** Delay divisor applied in Test Mode so a whole sequence runs in minutes. */
	readonly testModeDivisor: number;
}

export interface RecurringJobDef {
	readonly hook: string;
	readonly kind: 'recurring';
	readonly intervalSeconds: number;
	readonly description: string;
	readonly handler: PhpHandler;
}

export interface SingleJobDef {
	readonly hook: string;
	readonly kind: 'single';
	/** Positional arguments stored with the action and passed to the handler (scalar ids only). */
	readonly args: readonly {
		readonly name: string;
		readonly type: 'int' | 'string';
	}[];
	readonly description: string;
	readonly handler: PhpHandler;
}

export type JobDef = RecurringJobDef | SingleJobDef;

/** Default copy of a recovery email; the shop owner edits each in WooCommerce > Settings > Emails. */
export interface EmailCopyDefaults {
	readonly subject: string;
	readonly heading: string;
	readonly preheader: string;
	readonly body: string;
	readonly button_text: string;
	readonly additional_content: string;
}

/** One recovery step: its email and its default entry in the campaign option. */
export interface RecoveryStepDef {
	/** 1-based step number: the step's position in the list (the campaign option stores the steps as a list). */
	readonly step: number;
	/** WooCommerce email id. */
	readonly id: string;
	/** Generated PHP class name (inside `WPAnchorBay\CartBay\Email`). */
	readonly className: string;
	readonly title: string;
	readonly description: string;
	/** Default delay after abandonment and coupon switch, as `cartbay_campaign_settings` stores them. */
	readonly sequence: SequenceStepDefault;
	readonly copy: EmailCopyDefaults;
}

/** The email side of a recovery step, with its copy as `defaults` (a view of `recoverySteps`). */
export interface EmailStepDef extends Pick<
	RecoveryStepDef,
	'step' | 'id' | 'className' | 'title' | 'description'
> {
	readonly defaults: EmailCopyDefaults;
}

/**
 * Who may call an endpoint: anyone (`public`, rate limited), users who can manage WooCommerce, or an agent
 * operation (`{ agent }`: the agent gates, the principal and the operation's access, plugin/schema/agent.ts).
 */
export type PermissionKind =
	'public' | 'manage_woocommerce' | { readonly agent: string };

export interface RouteArgDef {
	readonly name: string;
	readonly description: string;
	/** JSON Schema fragment published in the route's OPTIONS response. */
	readonly schema: Readonly< Record< string, unknown > >;
	readonly required?: boolean;
	/**
	 * `strict` (default): WordPress validates and sanitizes against `schema`, refusing bad input with 400.
	 * `normalize`: the handler normalizes the raw value itself (settings are normalized, never refused).
	 */
	readonly validation?: 'strict' | 'normalize';
}

export interface RouteEndpointDef {
	readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	readonly description: string;
	readonly permission: PermissionKind;
	readonly handler: PhpHandler;
	readonly args: readonly RouteArgDef[];
	/**
	 * `object`: the body must be a JSON object, refused with 400 before WordPress parses any argument
	 * (a scalar JSON body would otherwise reach WordPress's own argument loop).
	 */
	readonly body?: 'object';
	/**
	 * Rate-limit bucket checked before any capture work (public routes): the permission callback
	 * counts the request and refuses with 429 + Retry-After over the limit.
	 */
	readonly rateLimit?: string;
	/** Largest request body accepted, in bytes (refused with 413 before arguments are used). */
	readonly maxBodyBytes?: number;
}

export interface RouteDef {
	/** Path inside the `cartbay/v1` namespace, WordPress regex syntax allowed. */
	readonly path: string;
	readonly description: string;
	readonly endpoints: readonly RouteEndpointDef[];
}

/** A named constant list (meta keys, events, …) emitted as a PHP class of constants. */
export interface ConstantDef {
	/** PHP constant name. */
	readonly name: string;
	readonly value: string;
	readonly description: string;
	/** What the admin shows for the value (translated there); the value itself when absent. */
	readonly label?: string;
	/** A transient's fixed lifetime: emitted as `{NAME}_SECONDS` beside the name. */
	readonly lifetimeSeconds?: number;
}

export interface ConstantGroupDef {
	/** Generated PHP class name inside `WPAnchorBay\CartBay\Generated`. */
	readonly className: string;
	readonly description: string;
	readonly constants: readonly ConstantDef[];
}

/**
 * How one value of a schema group appears in a generated PHP value class: its docblock (the constant name is
 * the key in UPPER_SNAKE case), `{ name, description }` for another name, or `false` for a value only the
 * browser uses. Typed over every key of the group, so a new value cannot be left out by accident.
 */
export type PhpValueDoc =
	string | { readonly name: string; readonly description: string } | false;

export type PhpValueDocs< T > = { readonly [ K in keyof T ]: PhpValueDoc };

/** One schema group (plain values the TypeScript side imports) with its PHP docs. */
export interface PhpValueGroup {
	readonly values: Readonly< Record< string, string | number > >;
	readonly docs: Readonly< Record< string, PhpValueDoc > >;
}

/** A generated PHP class of typed constants, walked from schema groups. */
export interface PhpValueClassDef {
	readonly className: string;
	readonly summary: string;
	readonly classDoc: string;
	/** Schema files the groups come from (named in the generated header). */
	readonly sources: readonly string[];
	readonly groups: readonly PhpValueGroup[];
}
