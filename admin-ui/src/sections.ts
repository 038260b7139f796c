/**
 * The names of the app's sections, as the `section` query argument carries them. Screens (screens/index.tsx)
 * register under these names and links between sections use them, so a renamed section cannot leave a
 * link pointing nowhere.
 */
export const SECTIONS = {
	overview: 'overview',
	templates: 'templates',
	notifications: 'notifications',
	capture: 'capture',
	recoverySequence: 'recovery-sequence',
	offers: 'offers',
	settings: 'settings',
	logs: 'logs',
} as const;

export type SectionName = ( typeof SECTIONS )[ keyof typeof SECTIONS ];
