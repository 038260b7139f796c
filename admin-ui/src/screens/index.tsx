/**
 * The CartBay admin screens, in tab order. Add a screen here (Overview, Notifications, Coupons…) and it
 * gets a tab and a `section` query argument; a `hidden` screen (Logs) has the argument but no tab.
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import CouponHistory from '../components/offers/CouponHistory';
import DiscountSummary from '../components/offers/DiscountSummary';
import LogLinks from '../components/logs/LogLinks';
import { SECTIONS } from '../sections';
import type { AdminScreen } from '../types';
import LogsScreen from './LogsScreen';
import NotificationsScreen from './NotificationsScreen';
import OverviewScreen from './OverviewScreen';
import RecoverySequenceScreen from './RecoverySequenceScreen';
import SettingsScreen from './SettingsScreen';
import TemplatesScreen from './TemplatesScreen';

export function getScreens(): AdminScreen[] {
	return [
		{
			name: SECTIONS.overview,
			title: __( 'Overview', 'cartbay' ),
			render: () => <OverviewScreen />,
		},
		{
			name: SECTIONS.templates,
			title: __( 'Templates', 'cartbay' ),
			render: () => <TemplatesScreen />,
		},
		{
			name: SECTIONS.notifications,
			title: __( 'Notifications', 'cartbay' ),
			render: () => <NotificationsScreen />,
		},
		{
			name: SECTIONS.capture,
			title: __( 'Capture', 'cartbay' ),
			render: () => <SettingsScreen sections={ [ 'capture' ] } />,
		},
		{
			name: SECTIONS.recoverySequence,
			title: __( 'Recovery Sequence', 'cartbay' ),
			render: () => <RecoverySequenceScreen />,
		},
		{
			name: SECTIONS.offers,
			title: __( 'Offers', 'cartbay' ),
			render: () => (
				<SettingsScreen
					sections={ [ 'offers' ] }
					extras={ ( _section, preview ) => (
						<DiscountSummary key="summary" preview={ preview } />
					) }
					after={ <CouponHistory /> }
				/>
			),
		},
		{
			name: SECTIONS.settings,
			title: __( 'Settings', 'cartbay' ),
			render: () => (
				<SettingsScreen
					sections={ [ 'settings', 'logs', 'agent' ] }
					withLicense
					extras={ ( section ) =>
						section === 'logs' ? <LogLinks /> : null
					}
				/>
			),
		},
		{
			name: SECTIONS.logs,
			title: __( 'Logs', 'cartbay' ),
			hidden: true,
			render: () => <LogsScreen />,
		},
	];
}
