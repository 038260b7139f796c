/**
 * Types of the `cartbay/admin` store: server state for the settings and the recovery sequence.
 */
/** Internal dependencies */
import type { CampaignSettings, Settings } from '../schema';

/** A failed REST request, from WordPress's WP_Error JSON (`{ code, message, data: { status } }`). */
export interface ApiError {
	readonly code: string;
	readonly message: string;
	/** HTTP status, when the server sent one. */
	readonly status?: number;
}

/** The server objects the store keeps, by resource name. */
export interface Resources {
	/** GET/PATCH `/settings`: the normalized `cartbay_settings` fields. */
	readonly settings: Settings;
	/** GET/PATCH `/campaign`: the normalized recovery sequence. */
	readonly campaign: CampaignSettings;
}

export type ResourceName = keyof Resources;

export interface ResourceState< T > {
	/** The last normalized object the server returned; undefined until the first load. */
	readonly value?: T;
	readonly isSaving: boolean;
	/** The error of the last failed load or save; cleared by the next success or save attempt. */
	readonly error?: ApiError;
}

export type State = {
	readonly [ K in ResourceName ]: ResourceState< Resources[ K ] >;
};

/** What a save resolves to: the normalized object the server saved, or the error. */
export type SaveResult< T > =
	| { readonly ok: true; readonly value: T }
	| { readonly ok: false; readonly error: ApiError };

export type Action =
	| {
			[ K in ResourceName ]: {
				readonly type: 'RECEIVE_RESOURCE';
				readonly resource: K;
				readonly value: Resources[ K ];
			};
	  }[ ResourceName ]
	| { readonly type: 'SAVE_RESOURCE_START'; readonly resource: ResourceName }
	| {
			readonly type: 'RESOURCE_REQUEST_FAILED';
			readonly resource: ResourceName;
			readonly error: ApiError;
	  };

/** The part of @wordpress/data's thunk arguments CartBay's thunks use. */
export interface ThunkArgs {
	readonly dispatch: ( action: Action ) => unknown;
}
