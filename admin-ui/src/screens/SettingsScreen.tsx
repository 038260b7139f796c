/**
 * A screen of settings fields (Capture, Offers, Settings): one form over some schema sections.
 */
/** External dependencies */
import type { FormEvent } from 'react';

/** WordPress dependencies */
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import FeedbackNotices from '../components/FeedbackNotices';
import Loading from '../components/Loading';
import LoadError from '../components/LoadError';
import SaveButton from '../components/SaveButton';
import SettingField from '../components/SettingField';
import LicensePanel from '../components/settings/LicensePanel';
import { useLicense } from '../components/settings/use-license';
import { useFeedback } from '../components/use-feedback';
import { useUnsavedDraft } from '../components/unsaved-drafts';
import { getBootData } from '../boot';
import { isWellFormedLicenseKey } from '../license';
import { normalizeSettings } from '../schema';
import { schemaText } from '../schema-text';
import {
	adjustedFields,
	draftsToPayload,
	fieldsInSections,
	formatValue,
	toDraft,
	type FieldDraft,
	type SettingsDrafts,
} from '../settings-fields';
import { store } from '../store';
import type { FeedbackNotice, SettingsScreenProps } from '../types';
import { sectionTitle } from './section-titles';

const NO_DRAFTS: SettingsDrafts = {};
const hasNoDrafts = ( drafts: SettingsDrafts ) =>
	Object.keys( drafts ).length === 0;

/** The agent gates' section: read-only for users who may not open or close them. */
const AGENT_SECTION = 'agent';

export default function SettingsScreen( {
	sections,
	withLicense = false,
	extras,
	after,
}: SettingsScreenProps ) {
	const fields = useMemo( () => fieldsInSections( sections ), [ sections ] );
	const { settings, isSaving, error } = useSelect(
		( select ) => ( {
			settings: select( store ).getSettings(),
			isSaving: select( store ).isSaving( 'settings' ),
			error: select( store ).getRequestError( 'settings' ),
		} ),
		[]
	);
	const { saveSettings, invalidateResolution } = useDispatch( store );
	const [ drafts, setDrafts ] = useUnsavedDraft< SettingsDrafts >(
		`settings:${ sections.join( ',' ) }`,
		NO_DRAFTS,
		hasNoDrafts
	);
	const [ licenseKey, setLicenseKey ] = useState( '' );
	const license = useLicense( withLicense );
	const { notices, show, dismiss } = useFeedback();
	const { canManageAgentAccess, wizardUrl } = getBootData();

	if ( settings === undefined ) {
		return error ? (
			<LoadError
				error={ error }
				onRetry={ () => invalidateResolution( 'getSettings', [] ) }
			/>
		) : (
			<Loading />
		);
	}

	// Instant preview: what the server would make of the drafts (the same normalizer runs there).
	const preview = normalizeSettings(
		draftsToPayload( fields, drafts ),
		settings
	);
	const previewed = new Set(
		adjustedFields( fields, drafts, settings, preview ).map(
			( field ) => field.key
		)
	);

	/**
	 * Save changes activates a typed license key first (the docs' flow), then saves changed settings.
	 * A malformed key is refused here, before any request.
	 */
	const activateTypedKey = async (): Promise<
		Omit< FeedbackNotice, 'id' >[]
	> => {
		if ( licenseKey.trim() === '' ) {
			return [];
		}
		if ( ! isWellFormedLicenseKey( licenseKey ) ) {
			return [
				{
					status: 'error',
					message: __(
						'That is not a license key: it looks like WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX (letters and digits).',
						'cartbay'
					),
				},
			];
		}
		const result = await license.run( 'activate', licenseKey );
		if ( ! result.ok ) {
			return [
				{
					status: 'error',
					message: sprintf(
						/* translators: %s: error message from the server */
						__(
							'The license key was not activated: %s',
							'cartbay'
						),
						result.error.message
					),
				},
			];
		}
		setLicenseKey( '' );
		return [
			{
				status: [ 'active', 'dev_mode' ].includes(
					result.license.status
				)
					? 'success'
					: 'warning',
				message: sprintf(
					/* translators: %s: license status, e.g. "Active" */
					__( 'License status: %s.', 'cartbay' ),
					result.license.label
				),
				...( result.license.message !== null
					? { details: [ result.license.message ] }
					: {} ),
			},
		];
	};

	const onSubmit = async ( event: FormEvent ) => {
		event.preventDefault();
		const licenseNotices = await activateTypedKey();
		const sent = drafts;
		if ( Object.keys( sent ).length === 0 ) {
			show( licenseNotices );
			return;
		}
		const result = await saveSettings( draftsToPayload( fields, sent ) );
		if ( ! result.ok ) {
			show( [
				...licenseNotices,
				{
					status: 'error',
					message: sprintf(
						/* translators: %s: error message from the server */
						__( 'Settings could not be saved: %s', 'cartbay' ),
						result.error.message
					),
				},
			] );
			return;
		}
		// Show the saved (normalized) values; keep only drafts typed while the request ran.
		setDrafts( ( current ) =>
			Object.fromEntries(
				Object.entries( current ).filter(
					( [ key, value ] ) => sent[ key ] !== value
				)
			)
		);
		const adjusted = adjustedFields( fields, sent, settings, result.value );
		show( [
			...licenseNotices,
			adjusted.length === 0
				? {
						status: 'success',
						message: __( 'Settings saved.', 'cartbay' ),
					}
				: {
						status: 'warning',
						message: __(
							'Settings saved. Some values were adjusted to fit the allowed limits:',
							'cartbay'
						),
						details: adjusted.map( ( field ) =>
							sprintf(
								/* translators: 1: setting label, 2: the value CartBay saved */
								__( '%1$s: %2$s', 'cartbay' ),
								schemaText( field.label ),
								formatValue( field, result.value[ field.key ] )
							)
						),
					},
		] );
	};

	const renderField = ( field: ( typeof fields )[ number ] ) => (
		<SettingField
			key={ field.key }
			field={ field }
			disabled={
				field.section === AGENT_SECTION && ! canManageAgentAccess
			}
			value={
				drafts[ field.key ] ??
				toDraft( settings[ field.key ] ?? field.default )
			}
			preview={
				previewed.has( field.key )
					? formatValue( field, preview[ field.key ] )
					: undefined
			}
			onChange={ ( value: FieldDraft ) =>
				setDrafts( ( current ) => ( {
					...current,
					[ field.key ]: value,
				} ) )
			}
		/>
	);

	const form = (
		// noValidate: out-of-range values are not refused; the server normalizes them and the form shows the result.
		<form className="cartbay-form" onSubmit={ onSubmit } noValidate>
			<FeedbackNotices notices={ notices } onRemove={ dismiss } />
			{ withLicense && (
				<LicensePanel
					controls={ license }
					keyDraft={ licenseKey }
					onKeyDraftChange={ setLicenseKey }
					onResult={ ( notice ) => show( [ notice ] ) }
				/>
			) }
			{ withLicense && wizardUrl !== undefined && (
				<p className="cartbay-form__intro">
					<a href={ wizardUrl }>
						{ __( 'Run the setup wizard again', 'cartbay' ) }
					</a>
				</p>
			) }
			{ sections.length === 1
				? [
						...fields.map( renderField ),
						extras?.( sections[ 0 ]!, preview ),
					]
				: sections.map( ( section ) => (
						<section
							key={ section }
							className="cartbay-form__section"
						>
							<h2>{ sectionTitle( section ) }</h2>
							{ section === AGENT_SECTION &&
								! canManageAgentAccess && (
									<p className="cartbay-form__intro">
										{ __(
											'Only users who may manage AI agent access (administrators) can open or close these gates.',
											'cartbay'
										) }
									</p>
								) }
							{ fields
								.filter(
									( field ) => field.section === section
								)
								.map( renderField ) }
							{ extras?.( section, preview ) }
						</section>
					) ) }
			<div className="cartbay-form__actions">
				<SaveButton
					isSaving={ isSaving || license.busy === 'activate' }
					disabled={
						Object.keys( drafts ).length === 0 &&
						licenseKey.trim() === ''
					}
				/>
			</div>
		</form>
	);
	return after === undefined ? (
		form
	) : (
		<>
			{ form }
			{ after }
		</>
	);
}
