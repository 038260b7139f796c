/**
 * Recovery steps → one `WC_Email` subclass per step over the hand-written `AbstractCartBayRecoveryEmail`,
 * plus `EmailClasses`: data only (step → class, step → email id). Registering the emails with WooCommerce
 * and finding a step's email is hand-written PHP: `Email\EmailRegistry`.
 */
import { plugin, recoverySteps } from '../../plugin/schema';
import { assertStepsInOrder } from '../../plugin/schema/steps';
import type { RecoveryStepDef } from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { docblock, str } from '../php';

const EMAIL_NAMESPACE = `${ GENERATED_NAMESPACE }\\Email`;
const BASE_CLASS = `${ plugin.phpNamespace }\\Email\\AbstractCartBayRecoveryEmail`;

/**
 * A PHP string literal: single-quoted, or double-quoted with `\n` escapes when the text has line breaks (a
 * literal line break would split the `__()` call over lines).
 * @param text Text of the literal.
 */
function literal( text: string ): string {
	if ( ! text.includes( '\n' ) ) {
		return str( text );
	}
	const escaped = text
		.replace( /\\/g, '\\\\' )
		.replace( /"/g, '\\"' )
		.replace( /\$/g, '\\$' )
		.replace( /\n/g, '\\n' );
	return `"${ escaped }"`;
}

function t( text: string ): string {
	return `__( ${ literal( text ) }, ${ str( plugin.textDomain ) } )`;
}

export function emitEmailClass( step: RecoveryStepDef ): GeneratedFile {
	const d = step.copy;
	const content = `${ phpHeader( {
		summary: `${ step.className }: ${ step.title }.`,
		sources: [ 'plugin/schema/steps.ts' ],
		emitter: 'codegen/emitters/emails.ts',
		namespace: EMAIL_NAMESPACE,
		uses: [ BASE_CLASS ],
	} ) }
${ docblock( 0, [ `${ step.title }.`, '', step.description ], [ `WooCommerce email id: ${ step.id }.` ] ) }
class ${ step.className } extends AbstractCartBayRecoveryEmail {

${ docblock( 1, [ 'Sets the email id, step and labels, then lets WooCommerce load its settings.' ] ) }
	public function __construct() {
		$this->id          = ${ str( step.id ) };
		$this->step        = ${ step.step };
		$this->title       = ${ t( step.title ) };
		$this->description = ${ t( step.description ) };
		parent::__construct();
	}

${ docblock( 1, [ 'Default subject.' ], [ '@return string' ] ) }
	public function get_default_subject() {
		return ${ t( d.subject ) };
	}

${ docblock( 1, [ 'Default heading.' ], [ '@return string' ] ) }
	public function get_default_heading() {
		return ${ t( d.heading ) };
	}

${ docblock( 1, [ 'Default additional content shown below the main content.' ], [ '@return string' ] ) }
	public function get_default_additional_content() {
		return ${ t( d.additional_content ) };
	}

${ docblock( 1, [ 'Default preheader, body and button text.' ], [ '@return array{preheader: string, body: string, button_text: string}' ] ) }
	public function get_default_copy(): array {
		return array(
			'preheader'   => ${ t( d.preheader ) },
			'body'        => ${ t( d.body ) },
			'button_text' => ${ t( d.button_text ) },
		);
	}
}
`;
	return {
		path: `${ GENERATED_DIR }/Email/${ step.className }.php`,
		content,
	};
}

export function emitEmailClasses(
	steps: readonly RecoveryStepDef[] = recoverySteps
): GeneratedFile[] {
	assertStepsInOrder( steps );
	const classes = steps
		.map( ( s ) => `\t\t\t${ s.step } => ${ s.className }::class,` )
		.join( '\n' );
	const ids = steps
		.map( ( s ) => `\t\t\t${ s.step } => ${ str( s.id ) },` )
		.join( '\n' );
	const registry: GeneratedFile = {
		path: `${ GENERATED_DIR }/EmailClasses.php`,
		content: `${ phpHeader( {
			summary:
				'EmailClasses: the recovery email class and WooCommerce email id of each step.',
			details: [
				"Data only: `Email\\EmailRegistry` registers the classes with WooCommerce and finds a step's email.",
			],
			sources: [ 'plugin/schema/steps.ts' ],
			emitter: 'codegen/emitters/emails.ts',
			namespace: GENERATED_NAMESPACE,
			uses: steps.map(
				( s ) => `${ EMAIL_NAMESPACE }\\${ s.className }`
			),
		} ) }
${ docblock( 0, [ 'Recovery email classes and ids by step.' ] ) }
final class EmailClasses {

${ docblock( 1, [ 'Email class names keyed by step number.' ], [ '@return array<int, class-string>' ] ) }
	public static function by_step(): array {
		return array(
${ classes }
		);
	}

${ docblock( 1, [ 'WooCommerce email ids keyed by step number.' ], [ '@return array<int, string>' ] ) }
	public static function ids(): array {
		return array(
${ ids }
		);
	}
}
`,
	};
	return [ registry, ...steps.map( emitEmailClass ) ];
}
