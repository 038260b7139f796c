/**
 * Templates: the three recovery emails (saved subject, timing and coupon, where to change them), the
 * placeholders their text may use, and Test Mode's Trigger Test Flow.
 */
/** WordPress dependencies */
import { Button, Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { getBootData } from '../boot';
import SectionLink from '../components/SectionLink';
import { formatMoment } from '../format';
import { emailSteps, placeholders } from '../schema';
import { schemaText } from '../schema-text';
import { SECTIONS } from '../sections';
import { formatStep } from '../sequence';
import { store } from '../store';
import { toApiError, triggerTestFlow } from '../store/api';
import {
	emailSettingsUrl,
	readTestTrigger,
	templateEmails,
	type TestTriggerAnswer,
} from '../templates';

type TestState =
	| { readonly kind: 'idle' }
	| { readonly kind: 'running' }
	| { readonly kind: 'done'; readonly answer: TestTriggerAnswer }
	| { readonly kind: 'failed'; readonly message: string };

export default function TemplatesScreen() {
	const { campaign, settings } = useSelect(
		( select ) => ( {
			campaign: select( store ).getCampaign(),
			settings: select( store ).getSettings(),
		} ),
		[]
	);
	const [ test, setTest ] = useState< TestState >( { kind: 'idle' } );
	const emails = templateEmails(
		emailSteps,
		getBootData().emailSubjects,
		campaign
	);
	const testMode = settings?.test_mode === true;

	const runTest = async () => {
		setTest( { kind: 'running' } );
		try {
			const answer = readTestTrigger( await triggerTestFlow() );
			setTest(
				answer
					? { kind: 'done', answer }
					: {
							kind: 'failed',
							message: __(
								'The server gave an answer CartBay could not read.',
								'cartbay'
							),
						}
			);
		} catch ( caught ) {
			setTest( {
				kind: 'failed',
				message: toApiError( caught ).message,
			} );
		}
	};

	return (
		<div className="cartbay-templates">
			<section aria-labelledby="cartbay-templates-emails">
				<h2 id="cartbay-templates-emails">
					{ __( 'Recovery emails', 'cartbay' ) }
				</h2>
				<p>
					{ __(
						'Each email’s subject, heading and text are edited in WooCommerce’s email settings; its timing and coupon in the Recovery Sequence and Offers sections.',
						'cartbay'
					) }
				</p>
				<ul className="cartbay-templates__emails">
					{ emails.map( ( email ) => (
						<li
							key={ email.id }
							className="cartbay-templates__email"
							aria-labelledby={ `cartbay-template-${ email.step }` }
						>
							<h3 id={ `cartbay-template-${ email.step }` }>
								{ sprintf(
									/* translators: %d: email position (1, 2, 3) */
									__( 'Email %d', 'cartbay' ),
									email.step
								) }
							</h3>
							<dl>
								<dt>{ __( 'Subject', 'cartbay' ) }</dt>
								<dd>
									{ email.subject ??
										__( 'Default', 'cartbay' ) }
								</dd>
								<dt>{ __( 'Timing', 'cartbay' ) }</dt>
								<dd>
									{ email.sequence
										? sprintf(
												/* translators: %s: delay such as "45 minutes" */
												__(
													'%s after abandonment',
													'cartbay'
												),
												formatStep( email.sequence )
											)
										: __( 'Loading…', 'cartbay' ) }{ ' ' }
									<SectionLink
										section={ SECTIONS.recoverySequence }
									>
										{ __(
											'Change in Recovery Sequence',
											'cartbay'
										) }
									</SectionLink>
								</dd>
								<dt>{ __( 'Coupon', 'cartbay' ) }</dt>
								<dd>
									{ email.sequence === undefined &&
										__( 'Loading…', 'cartbay' ) }
									{ email.sequence?.coupon_enabled === true &&
										__(
											'Includes the recovery coupon',
											'cartbay'
										) }
									{ email.sequence?.coupon_enabled ===
										false &&
										__( 'No coupon', 'cartbay' ) }{ ' ' }
									<SectionLink section={ SECTIONS.offers }>
										{ __(
											'Coupon settings in Offers',
											'cartbay'
										) }
									</SectionLink>
								</dd>
							</dl>
							<a
								className="button"
								href={ emailSettingsUrl( email.className ) }
							>
								{ sprintf(
									/* translators: %d: email position (1, 2, 3) */
									__(
										'Edit email %d in WooCommerce',
										'cartbay'
									),
									email.step
								) }
							</a>
						</li>
					) ) }
				</ul>
			</section>

			<section aria-labelledby="cartbay-templates-placeholders">
				<h2 id="cartbay-templates-placeholders">
					{ __( 'Placeholders', 'cartbay' ) }
				</h2>
				<table className="widefat striped cartbay-templates__placeholders">
					<caption className="screen-reader-text">
						{ __(
							'Placeholders the recovery emails replace in their subject, heading, preheader, text and button',
							'cartbay'
						) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Placeholder', 'cartbay' ) }
							</th>
							<th scope="col">
								{ __( 'Replaced with', 'cartbay' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ placeholders.constants.map( ( p ) => (
							<tr key={ p.value }>
								<th scope="row">
									<code>{ p.value }</code>
								</th>
								<td>{ schemaText( p.description ) }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</section>

			<section aria-labelledby="cartbay-templates-test">
				<h2 id="cartbay-templates-test">
					{ __( 'Trigger Test Flow', 'cartbay' ) }
				</h2>
				<p id="cartbay-templates-test-help">
					{ settings !== undefined && ! testMode ? (
						<>
							{ __(
								'Test Mode is off, so the test flow is not available.',
								'cartbay'
							) }{ ' ' }
							<SectionLink section={ SECTIONS.settings }>
								{ __(
									'Turn on Test Mode in Settings',
									'cartbay'
								) }
							</SectionLink>
						</>
					) : (
						__(
							'Creates a test abandoned cart for your email address and schedules email 1 shortly, through the real sending job.',
							'cartbay'
						)
					) }
				</p>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					aria-describedby="cartbay-templates-test-help"
					disabled={ ! testMode || test.kind === 'running' }
					accessibleWhenDisabled
					isBusy={ test.kind === 'running' }
					onClick={ () => void runTest() }
				>
					{ __( 'Trigger Test Flow', 'cartbay' ) }
				</Button>
				{ /* Notice announces its text itself (wp.a11y.speak). */ }
				<div className="cartbay-templates__test-result">
					{ test.kind === 'done' && (
						<Notice status="success" isDismissible={ false }>
							{ sprintf(
								/* translators: 1: when email 1 is due, 2: the test session id */
								__(
									'Email 1 will send at about %1$s (test session %2$s).',
									'cartbay'
								),
								formatMoment( test.answer.scheduled_at ),
								test.answer.session_id
							) }
						</Notice>
					) }
					{ test.kind === 'failed' && (
						<Notice status="error" isDismissible={ false }>
							{ sprintf(
								/* translators: %s: error message from the server */
								__( 'The test flow failed: %s', 'cartbay' ),
								test.message
							) }
						</Notice>
					) }
				</div>
			</section>
		</div>
	);
}
