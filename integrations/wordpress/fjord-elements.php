<?php
/**
 * Plugin Name:       fjord-elements
 * Plugin URI:        https://www.npmjs.com/package/fjord-elements
 * Description:       The fjord-elements widgets in posts: photo with caption, article card, fact box, cluster badge and newsletter signup. Keeps their tags and attributes through WordPress's HTML filter (kses), checks the URLs in them, and loads the widgets' stylesheet and script.
 * Version:           0.1.0
 * Requires at least: 5.0.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 *
 * kses: for authors without the "unfiltered HTML" right WordPress cleans every post with wp_kses() and the 'post'
 * rules, which remove every fjord tag. This plugin adds to those rules exactly what the widgets read: the allowlist
 * the package builds from its Custom Elements Manifest (allowlist.json, beside this file). The attributes that hold
 * URLs (href, src, srcset, image-src, full-src, action …) are added to wp_kses_uri_attributes(), so kses removes
 * javascript:, data: and any other protocol WordPress does not allow from them, as it does for href.
 *
 * Assets: fjord-elements.css and the drop-in module fjord-elements.js (as type="module") from the plugin's cdn/
 * folder. To load them from elsewhere (your own CDN, a theme folder), define FJORD_ELEMENTS_URL in wp-config.php or
 * filter 'fjord_elements_url'; return '' from that filter to load nothing (e.g. when the theme bundles the widgets).
 */

defined( 'ABSPATH' ) || exit;

const FJORD_ELEMENTS_VERSION = '0.1.0';

/**
 * The allowlist: 'tags', 'attributes' (per tag), 'urlAttributes' (per tag), 'attributeValues' (per tag and attribute). Read once per request from allowlist.json.
 *
 * @return array
 */
function fjord_elements_allowlist() {
	static $allowlist = null;
	if ( null === $allowlist ) {
		$json      = is_readable( __DIR__ . '/allowlist.json' ) ? file_get_contents( __DIR__ . '/allowlist.json' ) : false;
		$allowlist = $json ? json_decode( $json, true ) : null;
		if ( ! is_array( $allowlist ) || ! isset( $allowlist['attributes'], $allowlist['urlAttributes'] ) ) {
			// Without the allowlist nothing is added: kses keeps removing the tags, as it does without the plugin.
			error_log( 'fjord-elements: allowlist.json is missing or unreadable beside ' . __FILE__ . '; reinstall the plugin zip.' );
			$allowlist = array( 'tags' => array(), 'attributes' => array(), 'urlAttributes' => array() );
		}
	}
	return $allowlist;
}

/**
 * Adds the fjord tags, and what the widgets read on their children, to the kses rules of the given contexts
 * ('post' by default; filter 'fjord_elements_kses_contexts'). Tags already allowed keep their attributes.
 *
 * @param array  $tags    Allowed tags and their attributes.
 * @param string $context The kses context.
 * @return array
 */
function fjord_elements_kses_allowed_html( $tags, $context ) {
	if ( ! is_array( $tags ) || ! in_array( $context, (array) apply_filters( 'fjord_elements_kses_contexts', array( 'post' ) ), true ) ) {
		return $tags;
	}
	$allowlist = fjord_elements_allowlist();
	foreach ( $allowlist['attributes'] as $tag => $attributes ) {
		$known = isset( $tags[ $tag ] ) && is_array( $tags[ $tag ] );
		$rules = $known ? $tags[ $tag ] : array();
		foreach ( $attributes as $attribute ) {
			if ( ! isset( $rules[ $attribute ] ) ) {
				// An attribute whose value must be one of a list (<input type>: email, text …) gets kses's 'values' rule.
				$values              = $allowlist['attributeValues'][ $tag ][ $attribute ] ?? null;
				$rules[ $attribute ] = is_array( $values ) ? array( 'values' => $values ) : true;
			}
		}
		// A new tag gets the attributes WordPress allows on every post tag (class, id, lang, aria-*, data-* …).
		$tags[ $tag ] = ! $known && function_exists( '_wp_add_global_attributes' ) ? _wp_add_global_attributes( $rules ) : $rules;
	}
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'fjord_elements_kses_allowed_html', 10, 2 );

/**
 * Adds the attributes that hold URLs, so kses applies its protocol check to them.
 *
 * @param string[] $attributes Attribute names whose value is a URL.
 * @return string[]
 */
function fjord_elements_kses_uri_attributes( $attributes ) {
	foreach ( fjord_elements_allowlist()['urlAttributes'] as $names ) {
		$attributes = array_merge( $attributes, $names );
	}
	return array_values( array_unique( $attributes ) );
}
add_filter( 'wp_kses_uri_attributes', 'fjord_elements_kses_uri_attributes' );

/**
 * kses checks the protocol of an attribute's first URL only, but a srcset lists several ("a.jpg 1x, b.jpg 2x"). Before
 * kses runs, this drops each candidate of a srcset-style attribute (srcset, image-srcset) whose URL kses would change.
 *
 * @param string         $content           Content about to be filtered by kses.
 * @param array[]|string $allowed_html      The kses context or its rules.
 * @param string[]       $allowed_protocols Allowed URL protocols.
 * @return string
 */
function fjord_elements_kses_srcset( $content, $allowed_html, $allowed_protocols ) {
	$names = array();
	foreach ( fjord_elements_allowlist()['srcsetAttributes'] ?? array() as $list ) {
		$names = array_merge( $names, $list );
	}
	if ( ! $names || ! is_string( $content ) || false === stripos( $content, 'srcset' ) ) {
		return $content;
	}
	$attribute = '/(\s(?:' . implode( '|', array_map( 'preg_quote', array_unique( $names ) ) ) . ')\s*=\s*)("[^"]*"|\'[^\']*\'|[^\s>"\']+)/i';
	return preg_replace_callback(
		'/<[a-z][^>]*>/i',
		function ( $tag ) use ( $attribute, $allowed_protocols ) {
			return preg_replace_callback(
				$attribute,
				function ( $match ) use ( $allowed_protocols ) {
					$quote      = in_array( $match[2][0], array( '"', "'" ), true ) ? $match[2][0] : '';
					$value      = $quote ? substr( $match[2], 1, -1 ) : $match[2];
					$candidates = array_filter(
						array_map( 'trim', explode( ',', $value ) ),
						function ( $candidate ) use ( $allowed_protocols ) {
							$url = preg_split( '/\s+/', $candidate )[0];
							return '' !== $url && wp_kses_bad_protocol( $url, $allowed_protocols ) === $url;
						}
					);
					return $match[1] . '"' . str_replace( '"', '&quot;', implode( ', ', $candidates ) ) . '"';
				},
				$tag[0]
			);
		},
		$content
	);
}
add_filter( 'pre_kses', 'fjord_elements_kses_srcset', 10, 3 );

/**
 * Where fjord-elements.css and fjord-elements.js are loaded from, ending in a slash; '' loads nothing.
 *
 * @return string
 */
function fjord_elements_url() {
	$url = defined( 'FJORD_ELEMENTS_URL' ) ? FJORD_ELEMENTS_URL : plugins_url( 'cdn/', __FILE__ );
	$url = (string) apply_filters( 'fjord_elements_url', $url );
	return '' === $url ? '' : trailingslashit( $url );
}

/** Enqueues the stylesheet (after the theme's, as the widgets' pre-upgrade rules must come last) and the module. */
function fjord_elements_enqueue() {
	$url = fjord_elements_url();
	if ( '' === $url ) {
		return;
	}
	wp_enqueue_style( 'fjord-elements', $url . 'fjord-elements.css', array(), FJORD_ELEMENTS_VERSION );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// WordPress 6.5 and later print modules themselves.
		wp_enqueue_script_module( 'fjord-elements', $url . 'fjord-elements.js', array(), FJORD_ELEMENTS_VERSION );
	} else {
		wp_enqueue_script( 'fjord-elements', $url . 'fjord-elements.js', array(), FJORD_ELEMENTS_VERSION, false );
	}
}
add_action( 'wp_enqueue_scripts', 'fjord_elements_enqueue', 20 );

/**
 * Prints the drop-in file as a module on WordPress before 6.5, which prints every enqueued script as a classic one.
 *
 * @param string $tag    The <script> tag.
 * @param string $handle The script's handle.
 * @return string
 */
function fjord_elements_module_tag( $tag, $handle ) {
	if ( 'fjord-elements' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return preg_replace( '/<script(?=[\s>])/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'fjord_elements_module_tag', 10, 2 );
