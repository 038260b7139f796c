/**
 * Recovery Sequence: the sending switch and the timing and coupon of each email.
 */
/** External dependencies */
import type { FormEvent } from 'react';

/** WordPress dependencies */
import { ToggleControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import FeedbackNotices from '../components/FeedbackNotices';
import Loading from '../components/Loading';
import LoadError from '../components/LoadError';
import SaveButton from '../components/SaveButton';
import SequenceStep from '../components/SequenceStep';
import { useFeedback } from '../components/use-feedback';
import { useUnsavedDraft } from '../components/unsaved-drafts';
import { campaign, normalizeCampaign } from '../schema';
import { schemaText } from '../schema-text';
import {
	adjustedSteps,
	campaignPayload,
	formatMinutes,
	formatStep,
	toCampaignDraft,
	type CampaignDraft,
	type StepDraft,
} from '../sequence';
import { store } from '../store';

const isUntouched = ( draft: CampaignDraft | null ) => draft === null;

export default function RecoverySequenceScreen() {
	const { saved, isSaving, error } = useSelect(
		( select ) => ( {
			saved: select( store ).getCampaign(),
			isSaving: select( store ).isSaving( 'campaign' ),
			error: select( store ).getRequestError( 'campaign' ),
		} ),
		[]
	);
	const { saveCampaign, invalidateResolution } = useDispatch( store );
	const [ draft, setDraft ] = useUnsavedDraft< CampaignDraft | null >(
		'campaign',
		null,
		isUntouched
	);
	const { notices, show, dismiss } = useFeedback();

	if ( saved === undefined ) {
		return error ? (
			<LoadError
				error={ error }
				onRetry={ () => invalidateResolution( 'getCampaign', [] ) }
			/>
		) : (
			<Loading />
		);
	}

	const current = draft ?? toCampaignDraft( saved );
	// Instant preview: how the server would order and clamp the typed delays.
	const preview = draft
		? normalizeCampaign( campaignPayload( draft ), saved )
		: saved;
	const previewed = new Set( draft ? adjustedSteps( draft, preview ) : [] );

	const edit = ( next: CampaignDraft ) => setDraft( next );
	const editStep = ( index: number, step: StepDraft ) =>
		edit( {
			...current,
			steps: current.steps.map( ( existing, i ) =>
				i === index ? step : existing
			),
		} );

	const onSubmit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( ! draft ) {
			return;
		}
		const result = await saveCampaign( campaignPayload( draft ) );
		if ( ! result.ok ) {
			show( [
				{
					status: 'error',
					message: sprintf(
						/* translators: %s: error message from the server */
						__(
							'The recovery sequence could not be saved: %s',
							'cartbay'
						),
						result.error.message
					),
				},
			] );
			return;
		}
		setDraft( null );
		const adjusted = adjustedSteps( draft, result.value );
		show( [
			adjusted.length === 0
				? {
						status: 'success',
						message: __( 'Recovery sequence saved.', 'cartbay' ),
					}
				: {
						status: 'warning',
						message: __(
							'Recovery sequence saved. Some delays were adjusted to keep the emails in order:',
							'cartbay'
						),
						details: adjusted.map( ( index ) =>
							sprintf(
								/* translators: 1: email position (1, 2, 3), 2: the delay CartBay saved, such as "24 hours" */
								__( 'Email %1$d: %2$s', 'cartbay' ),
								index + 1,
								formatStep( result.value.steps[ index ]! )
							)
						),
					},
		] );
	};

	return (
		// noValidate: out-of-range values are not refused; the server normalizes them and the form shows the result.
		<form className="cartbay-form" onSubmit={ onSubmit } noValidate>
			<FeedbackNotices notices={ notices } onRemove={ dismiss } />
			<ToggleControl
				__nextHasNoMarginBottom
				label={ schemaText( campaign.enabled.label ) }
				help={ schemaText( campaign.enabled.description ) }
				checked={ current.enabled }
				onChange={ ( enabled: boolean ) =>
					edit( { ...current, enabled } )
				}
			/>
			<p className="cartbay-form__intro">
				{ sprintf(
					/* translators: 1: shortest delay (such as "15 minutes"), 2: longest delay (such as "7 days"), 3: smallest gap between emails */
					__(
						'Delays count from abandonment. Each delay is kept between %1$s and %2$s, and each email is sent at least %3$s after the one before.',
						'cartbay'
					),
					formatMinutes( campaign.minDelayMinutes ),
					formatMinutes( campaign.maxDelayMinutes ),
					formatMinutes( campaign.minGapMinutes )
				) }
			</p>
			{ current.steps.map( ( step, index ) => (
				<SequenceStep
					key={ index }
					index={ index }
					step={ step }
					preview={
						previewed.has( index )
							? formatStep( preview.steps[ index ]! )
							: undefined
					}
					onChange={ ( next ) => editStep( index, next ) }
				/>
			) ) }
			<div className="cartbay-form__actions">
				<SaveButton isSaving={ isSaving } disabled={ draft === null } />
			</div>
		</form>
	);
}
