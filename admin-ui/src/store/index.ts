/**
 * The `cartbay/admin` data store: CartBay's server state (settings, recovery sequence, and the Overview's
 * reports) for the admin UI.
 */
/** WordPress dependencies */
import { createReduxStore, register } from '@wordpress/data';

/** Internal dependencies */
import * as actions from './actions';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const STORE_NAME = 'cartbay/admin';

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );

export type * from './types';
export {
	analyticsKey,
	couponKey,
	couponsKey,
	logsKey,
	MAIL_ENVIRONMENT_KEY,
	notificationKey,
	notificationsKey,
	sessionKey,
	sessionsKey,
} from './report-keys';
