/**
 * Recovery email steps → one `WC_Email` subclass per step over the hand-written
 * `AbstractCartBayRecoveryEmail`, plus `EmailClasses` (the step → class map and its registration).
 */
import { emailSteps, plugin } from '../../plugin/schema';
import type { EmailStepDef } from '../../plugin/schema/types';
import { type GeneratedFile, GENERATED_DIR, GENERATED_NAMESPACE, phpHeader } from '../file';
import { docblock, str } from '../php';

const EMAIL_NAMESPACE = `${GENERATED_NAMESPACE}\\Email`;
const BASE_CLASS = `${plugin.phpNamespace}\\Email\\AbstractCartBayRecoveryEmail`;

function t(text: string): string {
	return `__( ${str(text)}, ${str(plugin.textDomain)} )`;
}

export function emitEmailClass(step: EmailStepDef): GeneratedFile {
	const d = step.defaults;
	const content = `${phpHeader({
		summary: `${step.className}: ${step.title}.`,
		sources: ['plugin/schema/emails.ts'],
		emitter: 'codegen/emitters/emails.ts',
		namespace: EMAIL_NAMESPACE,
		uses: [BASE_CLASS],
	})}
${docblock(0, [`${step.title}.`, '', step.description], [`WooCommerce email id: ${step.id}.`])}
class ${step.className} extends AbstractCartBayRecoveryEmail {

${docblock(1, ['Sets the email id, step and labels, then lets WooCommerce load its settings.'])}
	public function __construct() {
		$this->id          = ${str(step.id)};
		$this->step        = ${step.step};
		$this->title       = ${t(step.title)};
		$this->description = ${t(step.description)};
		parent::__construct();
	}

${docblock(1, ['Default subject.'], ['@return string'])}
	public function get_default_subject() {
		return ${t(d.subject)};
	}

${docblock(1, ['Default heading.'], ['@return string'])}
	public function get_default_heading() {
		return ${t(d.heading)};
	}

${docblock(1, ['Default additional content shown below the main content.'], ['@return string'])}
	public function get_default_additional_content() {
		return ${t(d.additional_content)};
	}

${docblock(1, ['Default preheader, body and button text.'], ['@return array{preheader: string, body: string, button_text: string}'])}
	public function get_default_copy(): array {
		return array(
			'preheader'   => ${t(d.preheader)},
			'body'        => ${t(d.body)},
			'button_text' => ${t(d.button_text)},
		);
	}
}
`;
	return { path: `${GENERATED_DIR}/Email/${step.className}.php`, content };
}

export function emitEmailClasses(steps: readonly EmailStepDef[] = emailSteps): GeneratedFile[] {
	const rows = steps.map((s) => `\t\t\t${s.step} => ${s.className}::class,`).join('\n');
	const ids = steps.map((s) => `\t\t\t${s.step} => ${str(s.id)},`).join('\n');
	const registry: GeneratedFile = {
		path: `${GENERATED_DIR}/EmailClasses.php`,
		content: `${phpHeader({
			summary: 'EmailClasses: the recovery email step classes and their WooCommerce registration.',
			sources: ['plugin/schema/emails.ts'],
			emitter: 'codegen/emitters/emails.ts',
			namespace: GENERATED_NAMESPACE,
			uses: steps.map((s) => `${EMAIL_NAMESPACE}\\${s.className}`),
		})}
${docblock(0, ['Recovery email classes by step.'])}
final class EmailClasses {

${docblock(1, ['Hooks the emails into WooCommerce.'])}
	public static function register(): void {
		add_filter( 'woocommerce_email_classes', array( self::class, 'handle_woocommerce_email_classes' ) );
	}

${docblock(1, ['Email class names keyed by step number.'], ['@return array<int, class-string>'])}
	public static function by_step(): array {
		return array(
${rows}
		);
	}

${docblock(1, ['WooCommerce email ids keyed by step number.'], ['@return array<int, string>'])}
	public static function ids(): array {
		return array(
${ids}
		);
	}

${docblock(
	1,
	['Adds one instance of each recovery email to WooCommerce\'s emails.'],
	['@param array $emails Email instances keyed by class name.', '@return array']
)}
	public static function handle_woocommerce_email_classes( $emails ) {
		if ( ! is_array( $emails ) ) {
			return $emails;
		}
		foreach ( self::by_step() as $class ) {
			$key = self::email_key( $class );
			if ( ! isset( $emails[ $key ] ) ) {
				$emails[ $key ] = new $class();
			}
		}
		return $emails;
	}

${docblock(1, ['The registered instance of a step\'s email, from WooCommerce\'s mailer.'], ['@param int $step Step number.', '@return \\WC_Email|null'])}
	public static function for_step( int $step ) {
		$classes = self::by_step();
		if ( ! isset( $classes[ $step ] ) ) {
			return null;
		}
		return WC()->mailer()->get_emails()[ self::email_key( $classes[ $step ] ) ] ?? null;
	}

${docblock(1, ['WooCommerce keys emails by short class name.'], ['@param string $class_name Fully qualified class name.'])}
	private static function email_key( string $class_name ): string {
		return substr( $class_name, strrpos( $class_name, '\\\\' ) + 1 );
	}
}
`,
	};
	return [registry, ...steps.map(emitEmailClass)];
}
