/**
 * Entry of build/admin.js: mounts the CartBay admin app (or, on its page, the setup wizard) where
 * AdminScreens.php printed its root element.
 */
/** WordPress dependencies */
import { createRoot } from '@wordpress/element';

/** Internal dependencies */
import App from './App';
import { getBootData } from './boot';
import SetupWizard from './wizard/SetupWizard';
import './store';
import './admin.css';

const { rootId, view } = getBootData();
const container =
	rootId === undefined ? null : document.getElementById( rootId );

if ( container ) {
	createRoot( container ).render(
		view === 'wizard' ? <SetupWizard /> : <App />
	);
}
