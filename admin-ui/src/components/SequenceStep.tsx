/**
 * One email of the recovery sequence: its delay after abandonment and its coupon switch.
 */
/** WordPress dependencies */
import {
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { campaign, type DelayUnit } from '../schema';
import { schemaText } from '../schema-text';
import type { SequenceStepProps } from '../types';

export default function SequenceStep( {
	index,
	step,
	onChange,
	preview,
	disabled = false,
}: SequenceStepProps ) {
	return (
		<fieldset className="cartbay-step">
			<legend className="cartbay-step__title">
				{
					/* translators: %d: position of the email in the recovery sequence (1, 2, 3) */
					sprintf( __( 'Email %d', 'cartbay' ), index + 1 )
				}
			</legend>
			<div className="cartbay-step__delay">
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 1 }
					step={ 1 }
					label={ __( 'Delay after abandonment', 'cartbay' ) }
					value={ step.delay_value }
					disabled={ disabled }
					help={
						preview === undefined
							? undefined
							: sprintf(
									/* translators: %s: a delay such as "15 minutes" */
									__( 'Will be saved as: %s', 'cartbay' ),
									preview
								)
					}
					onChange={ ( value: string ) =>
						onChange( { ...step, delay_value: value } )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Unit', 'cartbay' ) }
					value={ step.delay_unit }
					disabled={ disabled }
					options={ campaign.units.map( ( unit ) => ( {
						value: unit.value,
						label: schemaText( unit.label ),
					} ) ) }
					onChange={ ( value: string ) =>
						onChange( { ...step, delay_unit: value as DelayUnit } )
					}
				/>
			</div>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Include a recovery coupon', 'cartbay' ) }
				help={ __(
					'Generate a single-use coupon from the Offers settings for this email.',
					'cartbay'
				) }
				checked={ step.coupon_enabled }
				disabled={ disabled }
				onChange={ ( value: boolean ) =>
					onChange( { ...step, coupon_enabled: value } )
				}
			/>
		</fieldset>
	);
}
