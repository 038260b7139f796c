/**
 * Setup wizard, Consent & Timing: the consent text, the abandonment timeout and the three emails'
 * delays, from the same schema fields and components as the Capture and Recovery Sequence sections.
 * Continue saves what changed (the server normalizes it, as in those sections).
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import Loading from '../components/Loading';
import LoadError from '../components/LoadError';
import SequenceStep from '../components/SequenceStep';
import SettingField from '../components/SettingField';
import { settingsOption } from '../schema';
import {
	campaignPayload,
	toCampaignDraft,
	type CampaignDraft,
} from '../sequence';
import {
	draftsToPayload,
	toDraft,
	type FieldDraft,
	type SettingsDrafts,
} from '../settings-fields';
import { store } from '../store';
import type { StepProps } from './step-props';
import { CONSENT_TIMING_FIELDS } from './steps';

const FIELDS = settingsOption.fields.filter( ( field ) =>
	( CONSENT_TIMING_FIELDS as readonly string[] ).includes( field.key )
);

export default function ConsentTimingStep( {
	onContinue,
	onNotice,
}: StepProps ) {
	const { settings, saved, error } = useSelect(
		( select ) => ( {
			settings: select( store ).getSettings(),
			saved: select( store ).getCampaign(),
			error:
				select( store ).getRequestError( 'settings' ) ??
				select( store ).getRequestError( 'campaign' ),
		} ),
		[]
	);
	const { saveSettings, saveCampaign, invalidateResolution } =
		useDispatch( store );
	const [ drafts, setDrafts ] = useState< SettingsDrafts >( {} );
	const [ sequence, setSequence ] = useState< CampaignDraft | null >( null );
	const [ saving, setSaving ] = useState( false );

	if ( settings === undefined || saved === undefined ) {
		return error ? (
			<LoadError
				error={ error }
				onRetry={ () => {
					invalidateResolution( 'getSettings', [] );
					invalidateResolution( 'getCampaign', [] );
				} }
			/>
		) : (
			<Loading />
		);
	}
	const current = sequence ?? toCampaignDraft( saved );

	const save = async () => {
		setSaving( true );
		const failures: string[] = [];
		if ( Object.keys( drafts ).length > 0 ) {
			const result = await saveSettings(
				draftsToPayload( FIELDS, drafts )
			);
			if ( ! result.ok ) {
				failures.push( result.error.message );
			}
		}
		if ( sequence !== null ) {
			const result = await saveCampaign( campaignPayload( sequence ) );
			if ( ! result.ok ) {
				failures.push( result.error.message );
			}
		}
		setSaving( false );
		if ( failures.length > 0 ) {
			onNotice( {
				status: 'error',
				message: sprintf(
					/* translators: %s: error messages from the server */
					__( 'These settings could not be saved: %s', 'cartbay' ),
					failures.join( ' ' )
				),
			} );
			return;
		}
		onContinue();
	};

	return (
		<div className="cartbay-form">
			<p className="cartbay-form__intro">
				{ __(
					'Shoppers are only saved when they tick the consent box at checkout. A cart is abandoned after the timeout without checkout activity; the emails follow at their delays after that.',
					'cartbay'
				) }
			</p>
			{ FIELDS.map( ( field ) => (
				<SettingField
					key={ field.key }
					field={ field }
					value={
						drafts[ field.key ] ??
						toDraft( settings[ field.key ] ?? field.default )
					}
					onChange={ ( value: FieldDraft ) =>
						setDrafts( ( existing ) => ( {
							...existing,
							[ field.key ]: value,
						} ) )
					}
				/>
			) ) }
			{ current.steps.map( ( step, index ) => (
				<SequenceStep
					key={ index }
					index={ index }
					step={ step }
					onChange={ ( next ) =>
						setSequence( {
							...current,
							steps: current.steps.map( ( existing, i ) =>
								i === index ? next : existing
							),
						} )
					}
				/>
			) ) }
			<div className="cartbay-wizard__actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					isBusy={ saving }
					disabled={ saving }
					accessibleWhenDisabled
					onClick={ save }
				>
					{ __( 'Save and continue', 'cartbay' ) }
				</Button>
			</div>
		</div>
	);
}
