<?php
/**
 * Lets the first save of a new legacy-storage session order skip lookups whose answers are known.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

defined( 'ABSPATH' ) || exit;

/**
 * Two costs of creating an order with posts storage, avoided without changing anything WooCommerce or
 * CartBay reads back:
 *
 * Slug: WooCommerce titles every order "Order &ndash; {date, to the minute}", so wp_insert_post() derives
 * the same slug for every order created in that minute and wp_unique_post_slug() then tries `-2`, `-3`, …
 * with one query each: the nth order of a minute costs n queries. While armed, the new order gets a slug
 * that is unique by construction (`cartbay-session-{uuid4}`), checked once. Order slugs are not used by
 * WooCommerce or CartBay, and orders have no public URL.
 *
 * Meta: WooCommerce creates an order by writing each of its ~60 props through
 * `update_post_meta()` (a meta_id lookup, the meta cache re-read, then the insert) or, for the ~35 empty
 * ones, `delete_post_meta()` (a meta_id lookup that finds nothing). For a post inserted a moment ago the
 * answer to every lookup is known: only the keys written since exist. While armed, this class answers
 * those lookups itself through WordPress's short-circuit filters: an update of a key the new post does not
 * have becomes the same `add_metadata()` call `update_metadata()` would make, and a delete of such a key
 * returns false, as `delete_metadata()` does when it finds no row. Rows written, hooks fired and return
 * values stay the same; keys the post may already have (set by other code while it was created) take
 * WordPress's normal path. HPOS orders do not use post meta, so nothing changes for them.
 */
final class LeanOrderInsert {

	/**
	 * The order post inserted while armed, 0 until then.
	 *
	 * @var int
	 */
	private $post_id = 0;

	/**
	 * Meta keys the post has (or may have): rows present when first asked, and every key added since.
	 *
	 * @var array<string, true>|null
	 */
	private $keys = null;

	/**
	 * Starts watching for the next order post insert.
	 */
	public function arm(): void {
		add_filter( 'woocommerce_new_order_data', array( $this, 'slug' ) );
		add_action( 'wp_insert_post', array( $this, 'inserted' ), PHP_INT_MAX, 3 );
		add_action( 'added_post_meta', array( $this, 'added' ), 10, 3 );
		// Last, so another plugin's own short-circuit still wins.
		add_filter( 'update_post_metadata', array( $this, 'update' ), PHP_INT_MAX, 5 );
		add_filter( 'delete_post_metadata', array( $this, 'delete' ), PHP_INT_MAX, 5 );
	}

	/**
	 * Stops; WordPress answers every meta call normally again.
	 */
	public function disarm(): void {
		remove_filter( 'woocommerce_new_order_data', array( $this, 'slug' ) );
		remove_action( 'wp_insert_post', array( $this, 'inserted' ), PHP_INT_MAX );
		remove_action( 'added_post_meta', array( $this, 'added' ), 10 );
		remove_filter( 'update_post_metadata', array( $this, 'update' ), PHP_INT_MAX );
		remove_filter( 'delete_post_metadata', array( $this, 'delete' ), PHP_INT_MAX );
		$this->post_id = 0;
		$this->keys    = null;
	}

	/**
	 * `woocommerce_new_order_data`: a slug of its own for the order post (unless another filter set one).
	 *
	 * @param array $data Post data of the new order.
	 * @return array
	 */
	public function slug( $data ) {
		if ( is_array( $data ) && empty( $data['post_name'] ) ) {
			$data['post_name'] = 'cartbay-session-' . wp_generate_uuid4();
		}
		return $data;
	}

	/**
	 * `wp_insert_post`: remembers the new order post (the first one; updates are ignored).
	 *
	 * @param int      $post_id Post id.
	 * @param \WP_Post $post    Post.
	 * @param bool     $update  Whether an existing post was updated.
	 */
	public function inserted( $post_id, $post, $update ): void {
		if ( 0 === $this->post_id && ! $update && $post instanceof \WP_Post && 'shop_order' === $post->post_type ) {
			$this->post_id = (int) $post_id;
		}
	}

	/**
	 * `added_post_meta`: the key exists from now on.
	 *
	 * @param int    $meta_id   Meta id.
	 * @param int    $object_id Post id.
	 * @param string $meta_key  Meta key.
	 */
	public function added( $meta_id, $object_id, $meta_key ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- the hook's signature.
		if ( null !== $this->keys && (int) $object_id === $this->post_id ) {
			$this->keys[ (string) $meta_key ] = true;
		}
	}

	/**
	 * `update_post_metadata`: adds a key the new post does not have, as update_metadata() would.
	 *
	 * @param mixed  $check      Null, or another filter's answer.
	 * @param int    $object_id  Post id.
	 * @param string $meta_key   Meta key (unslashed).
	 * @param mixed  $meta_value Meta value (unslashed).
	 * @param mixed  $prev_value Previous value to match.
	 * @return mixed
	 */
	public function update( $check, $object_id, $meta_key, $meta_value, $prev_value ) {
		if ( null !== $check || '' !== $prev_value || ! $this->is_absent( (int) $object_id, (string) $meta_key ) ) {
			return $check;
		}
		// update_metadata() passes the caller's slashed arguments on to add_metadata(), which unslashes them.
		return add_metadata( 'post', (int) $object_id, wp_slash( $meta_key ), wp_slash( $meta_value ) );
	}

	/**
	 * `delete_post_metadata`: nothing to delete for a key the new post does not have.
	 *
	 * @param mixed  $check      Null, or another filter's answer.
	 * @param int    $object_id  Post id.
	 * @param string $meta_key   Meta key.
	 * @param mixed  $meta_value Value to match.
	 * @param bool   $delete_all Whether to delete the key from every post.
	 * @return mixed
	 */
	public function delete( $check, $object_id, $meta_key, $meta_value, $delete_all ) { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- the hook's signature.
		if ( null !== $check || $delete_all || ! $this->is_absent( (int) $object_id, (string) $meta_key ) ) {
			return $check;
		}
		return false;
	}

	/**
	 * Whether the new order post certainly has no row with this key.
	 *
	 * @param int    $object_id Post id.
	 * @param string $meta_key  Meta key.
	 * @return bool
	 */
	private function is_absent( int $object_id, string $meta_key ): bool {
		if ( 0 === $this->post_id || $object_id !== $this->post_id ) {
			return false;
		}
		if ( null === $this->keys ) {
			// Once, what the post already has (another plugin may have written meta while it was inserted).
			$existing   = get_post_meta( $object_id );
			$this->keys = array_fill_keys( array_map( 'strval', array_keys( is_array( $existing ) ? $existing : array() ) ), true );
		}
		return ! isset( $this->keys[ $meta_key ] );
	}
}
