<?php
/**
 * Last install step: Action Scheduler on its own tables, fresh rewrite rules.
 *
 * @package CartBay\Tools\Store
 */

use Action_Scheduler\Migration\Controller;
use Action_Scheduler\Migration\Runner;
use Action_Scheduler\Migration\Scheduler;

if ( class_exists( 'ActionScheduler' ) ) {
	( new ActionScheduler_StoreSchema() )->register_tables( true );
	( new ActionScheduler_LoggerSchema() )->register_tables( true );

	/*
	 * A new store starts on the hybrid (posts + tables) store until a background migration has run;
	 * finish it now so that the store is ActionScheduler_DBStore from the first request.
	 */
	if ( ! ActionScheduler_DataController::is_migration_complete() ) {
		$cartbay_store_runner = new Runner( Controller::instance()->get_migration_config_object() );
		$cartbay_store_runner->init_destination();
		while ( $cartbay_store_runner->run( 100 ) > 0 ) {
			continue;
		}
		ActionScheduler_DataController::mark_migration_complete();
		( new Scheduler() )->unschedule_migration();
	}
}

flush_rewrite_rules( false );

echo "install finished\n";
