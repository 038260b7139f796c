/**
 * Entry of build/admin.js: mounts the CartBay admin app where AdminScreens.php printed its root element.
 */
/** WordPress dependencies */
import { createRoot } from '@wordpress/element';

/** Internal dependencies */
import App from './App';
import { getBootData } from './boot';
import './store';
import './admin.css';

const { rootId } = getBootData();
const container =
	rootId === undefined ? null : document.getElementById( rootId );

if ( container ) {
	createRoot( container ).render( <App /> );
}
