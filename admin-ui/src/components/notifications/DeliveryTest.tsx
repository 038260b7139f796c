/**
 * The Email Delivery Test (spec "Email Delivery Test"), at the bottom of Notifications: the detected mail
 * delivery service with its confidence, every finding, active email loggers, the From email and name
 * recovery emails use (`GET /mail-environment`), and Send Test Email (`POST /test/email`), whose result (or
 * the mailer's error) is announced next to the button.
 */
/** External dependencies */
import type { FormEvent } from 'react';

/** WordPress dependencies */
import { Button, Notice, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import {
	confidenceLabel,
	deliverySummary,
	testEmailFailure,
} from '../../notifications';
import { MAIL_ENVIRONMENT_KEY, store } from '../../store';
import { sendTestEmail, toApiError } from '../../store/api';
import type { MailEnvironment } from '../../store/types';
import Loading from '../Loading';
import LoadError from '../LoadError';

type SendState =
	| { readonly kind: 'idle' }
	| { readonly kind: 'sending' }
	| { readonly kind: 'sent'; readonly to: string }
	| { readonly kind: 'failed'; readonly message: string };

export default function DeliveryTest() {
	const { env, error } = useSelect(
		( select ) => ( {
			env: select( store ).getMailEnvironment(),
			error: select( store ).getReportError(
				'mailEnvironment',
				MAIL_ENVIRONMENT_KEY
			),
		} ),
		[]
	);
	const { invalidateResolution } = useDispatch( store );
	return (
		<section
			className="cartbay-delivery-test"
			aria-labelledby="cartbay-delivery-test-title"
		>
			<h2 id="cartbay-delivery-test-title">
				{ __( 'Email Delivery Test', 'cartbay' ) }
			</h2>
			<p>
				{ __(
					'Check how this store sends mail and send a test email before relying on recovery emails.',
					'cartbay'
				) }
			</p>
			{ env === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getMailEnvironment', [] )
					}
				/>
			) }
			{ env === undefined && ! error && <Loading /> }
			{ env !== undefined && (
				<>
					<Detection env={ env } />
					<TestForm defaultRecipient={ env.recipient } />
				</>
			) }
		</section>
	);
}

function Detection( { env }: { readonly env: MailEnvironment } ) {
	const summary = deliverySummary( env );
	return (
		<>
			<Notice
				status={ summary.status }
				isDismissible={ false }
				className="cartbay-delivery-test__status"
			>
				{ summary.message }
			</Notice>
			<table className="widefat striped cartbay-delivery-test__config">
				<caption className="screen-reader-text">
					{ __( 'Mail configuration', 'cartbay' ) }
				</caption>
				<tbody>
					<tr>
						<th scope="row">{ __( 'From email', 'cartbay' ) }</th>
						<td>{ env.from_email }</td>
					</tr>
					<tr>
						<th scope="row">{ __( 'From name', 'cartbay' ) }</th>
						<td>{ env.from_name }</td>
					</tr>
					{ env.service !== null && (
						<tr>
							<th scope="row">
								{ __( 'Delivery service', 'cartbay' ) }
							</th>
							<td>{ env.service }</td>
						</tr>
					) }
					{ env.loggers.length > 0 && (
						<tr>
							<th scope="row">
								{ __( 'Email logging', 'cartbay' ) }
							</th>
							<td>
								{ env.loggers
									.map( ( logger ) => logger.name )
									.join( ', ' ) }
							</td>
						</tr>
					) }
				</tbody>
			</table>
			{ env.detections.length > 0 && (
				<table className="widefat striped cartbay-delivery-test__detections">
					<caption>
						{ __( 'What CartBay detected', 'cartbay' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Detection', 'cartbay' ) }
							</th>
							<th scope="col">{ __( 'Detail', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Found in', 'cartbay' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ env.detections.map( ( finding ) => (
							<tr
								key={ `${ finding.name }-${ finding.detail }` }
								data-confidence={ finding.confidence }
							>
								<td>
									{ confidenceLabel( finding.confidence ) }
								</td>
								<td>{ finding.name }</td>
								<td>
									<code>{ finding.detail }</code>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
		</>
	);
}

function TestForm( {
	defaultRecipient,
}: {
	readonly defaultRecipient: string;
} ) {
	const [ recipient, setRecipient ] = useState( defaultRecipient );
	const [ send, setSend ] = useState< SendState >( { kind: 'idle' } );
	// The default arrives with the environment; an address the owner typed is kept.
	useEffect( () => {
		setRecipient( ( current ) =>
			current === '' ? defaultRecipient : current
		);
	}, [ defaultRecipient ] );

	const onSubmit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( send.kind === 'sending' ) {
			return;
		}
		setSend( { kind: 'sending' } );
		try {
			await sendTestEmail( recipient );
			setSend( { kind: 'sent', to: recipient.trim() } );
		} catch ( caught ) {
			setSend( {
				kind: 'failed',
				message: toApiError( caught ).message,
			} );
		}
	};

	return (
		<form className="cartbay-delivery-test__form" onSubmit={ onSubmit }>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="email"
				label={ __( 'Send the test email to', 'cartbay' ) }
				help={ __(
					'Defaults to your own email address. The test goes out through wp_mail() with the From email and name above, as recovery emails do, so your SMTP plugin handles it the same way.',
					'cartbay'
				) }
				value={ recipient }
				onChange={ setRecipient }
				required
			/>
			<div className="cartbay-delivery-test__send">
				<Button
					variant="primary"
					type="submit"
					__next40pxDefaultSize
					isBusy={ send.kind === 'sending' }
					aria-disabled={ send.kind === 'sending' }
				>
					{ __( 'Send Test Email', 'cartbay' ) }
				</Button>
				<div
					className="cartbay-delivery-test__result"
					role="status"
					aria-live="polite"
				>
					{ send.kind === 'sending' && __( 'Sending…', 'cartbay' ) }
					{ send.kind === 'sent' && (
						<span className="cartbay-delivery-test__ok">
							{ sprintf(
								/* translators: %s: recipient email */
								__(
									'Test email accepted by WordPress mail for %s. Check that inbox (and its spam folder) within a few minutes.',
									'cartbay'
								),
								send.to
							) }
						</span>
					) }
					{ send.kind === 'failed' && (
						<span className="cartbay-delivery-test__error">
							{ testEmailFailure( send.message ) }
						</span>
					) }
				</div>
			</div>
		</form>
	);
}
