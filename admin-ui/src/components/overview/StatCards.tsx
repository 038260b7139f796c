/**
 * The Overview's cards: the schema's `main` metrics on the page, the `more` ones behind the More card,
 * which opens them in a modal dialog (Escape closes it and the focus goes back to the button).
 */
/** WordPress dependencies */
import { Button, Modal } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { metrics } from '../../schema';
import type { StatCardsProps } from '../../types';
import StatCard from './StatCard';

export const MAIN_METRICS = metrics.filter( ( m ) => m.card === 'main' );
export const MORE_METRICS = metrics.filter( ( m ) => m.card === 'more' );

export default function StatCards( { report }: StatCardsProps ) {
	const [ isMoreOpen, setMoreOpen ] = useState( false );
	return (
		<>
			<ul
				className="cartbay-stats"
				aria-label={ __( 'Figures of the period', 'cartbay' ) }
			>
				{ MAIN_METRICS.map( ( metric ) => (
					<StatCard
						key={ metric.key }
						metric={ metric }
						value={ report.metrics[ metric.key ] }
						currency={ report.currency }
					/>
				) ) }
				<li className="cartbay-stat cartbay-stat--more">
					<h3 className="cartbay-stat__label">
						{ __( 'More', 'cartbay' ) }
					</h3>
					<Button
						variant="secondary"
						className="cartbay-stats__more"
						aria-haspopup="dialog"
						onClick={ () => setMoreOpen( true ) }
					>
						{ sprintf(
							/* translators: %d: number of further figures */
							__( 'Show %d more figures', 'cartbay' ),
							MORE_METRICS.length
						) }
					</Button>
				</li>
			</ul>
			{ isMoreOpen && (
				<Modal
					title={ __( 'More figures', 'cartbay' ) }
					onRequestClose={ () => setMoreOpen( false ) }
					className="cartbay-more-modal"
				>
					<ul className="cartbay-stats cartbay-stats--modal">
						{ MORE_METRICS.map( ( metric ) => (
							<StatCard
								key={ metric.key }
								metric={ metric }
								value={ report.metrics[ metric.key ] }
								currency={ report.currency }
							/>
						) ) }
					</ul>
				</Modal>
			) }
		</>
	);
}
