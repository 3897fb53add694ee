<?php
/**
 * Plugin Name:       fjord-elements
 * Plugin URI:        https://www.npmjs.com/package/fjord-elements
 * Description:       The fjord-elements widgets in posts: photo with caption, article card, fact box, cluster badge and newsletter signup. Keeps their tags whole through WordPress's HTML filter (kses) and its paragraph filter (wpautop), checks the URLs in them, adds a shortcode and a block for each widget, and loads the widgets' stylesheet and script.
 * Version:           0.1.0
 * Requires at least: 5.8
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
 * wpautop: WordPress turns blank lines into paragraphs in classic posts, text widgets and Classic blocks, and would
 * close a widget at the first <p> it writes. Before wpautop runs, each widget (tag or shortcode) is set aside and a
 * placeholder takes its place: a block (<div>) for the widgets that are blocks, a comment for those that sit in a line
 * of text (elements.json says which, from the package's stylesheet); afterwards each is put back, as written.
 *
 * Shortcodes and blocks: [fjord_fact_box heading="…"]…[/fjord_fact_box] and one such shortcode per widget, with the
 * attributes elements.json lists; and a block per widget (blocks/<name>/block.json, blocks/editor.js) in the block
 * editor's "fjord-elements" category, saved as the widget's tag.
 *
 * Assets: fjord-elements.css and the drop-in module fjord-elements.js (as type="module") from the plugin's cdn/
 * folder. To load them from elsewhere (your own CDN, a theme folder), define FJORD_ELEMENTS_URL in wp-config.php or
 * filter 'fjord_elements_url'; return '' from that filter to load nothing (e.g. when the theme bundles the widgets).
 */

defined( 'ABSPATH' ) || exit;

const FJORD_ELEMENTS_VERSION = '0.1.0';

/**
 * A JSON file beside this one (written by the build into the plugin zip), decoded; null, with a line in the error log,
 * when it is missing or unreadable.
 *
 * @param string $name The file's name.
 * @return array|null
 */
function fjord_elements_read_json( $name ) {
	$json  = is_readable( __DIR__ . '/' . $name ) ? file_get_contents( __DIR__ . '/' . $name ) : false;
	$value = $json ? json_decode( $json, true ) : null;
	if ( ! is_array( $value ) ) {
		error_log( 'fjord-elements: ' . $name . ' is missing or unreadable beside ' . __FILE__ . '; reinstall the plugin zip.' );
		return null;
	}
	return $value;
}

/**
 * The allowlist: 'tags', 'attributes' (per tag), 'urlAttributes' (per tag), 'attributeValues' (per tag and attribute). Read once per request from allowlist.json.
 *
 * @return array
 */
function fjord_elements_allowlist() {
	static $allowlist = null;
	if ( null === $allowlist ) {
		$allowlist = fjord_elements_read_json( 'allowlist.json' );
		if ( ! isset( $allowlist['attributes'], $allowlist['urlAttributes'] ) ) {
			if ( null !== $allowlist ) {
				error_log( 'fjord-elements: allowlist.json beside ' . __FILE__ . ' has no attributes or urlAttributes; reinstall the plugin zip.' );
			}
			// Without the allowlist nothing is added: kses keeps removing the tags, as it does without the plugin.
			$allowlist = array( 'tags' => array(), 'attributes' => array(), 'urlAttributes' => array() );
		}
	}
	return $allowlist;
}

/**
 * The widgets by tag, from elements.json: 'tag', 'title', 'description', 'display' ('block' or 'inline'),
 * 'attributes' (each with 'name', 'kind' — 'string', 'boolean' or 'number' — 'description', 'values'?, 'default'?)
 * and 'slots'. Read once per request.
 *
 * @return array[]
 */
function fjord_elements_elements() {
	static $elements = null;
	if ( null === $elements ) {
		$list     = fjord_elements_read_json( 'elements.json' );
		$elements = array_column( $list ?? array(), null, 'tag' );
	}
	return $elements;
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

/**
 * Enqueues the stylesheet and the drop-in module. As a script module on WordPress 6.5 and later (which prints modules
 * itself) when $as_module allows; else as a script that fjord_elements_module_tag() prints with type="module".
 *
 * @param bool $as_module Whether a script module may be used; false in the block editor, which is given the script
 *                        printed with type="module", as on WordPress before 6.5.
 */
function fjord_elements_enqueue_assets( $as_module ) {
	$url = fjord_elements_url();
	if ( '' === $url ) {
		return;
	}
	wp_enqueue_style( 'fjord-elements', $url . 'fjord-elements.css', array(), FJORD_ELEMENTS_VERSION );
	if ( $as_module && function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'fjord-elements', $url . 'fjord-elements.js', array(), FJORD_ELEMENTS_VERSION );
	} else {
		wp_enqueue_script( 'fjord-elements', $url . 'fjord-elements.js', array(), FJORD_ELEMENTS_VERSION, false );
	}
}

/** On the site's pages: the stylesheet (after the theme's, as the widgets' pre-upgrade rules must come last) and the module. */
function fjord_elements_enqueue() {
	fjord_elements_enqueue_assets( true );
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

/**
 * The widgets set aside while wpautop runs, by number: fjord_elements_protect() adds, fjord_elements_restore() takes.
 *
 * @return array
 */
function &fjord_elements_held() {
	static $held = array();
	return $held;
}

/**
 * Sets a widget's markup aside and returns its placeholder: a <div> that wpautop keeps as a block of its own for a
 * block widget, a comment that stays inside its paragraph for an inline one.
 *
 * @param string $html The widget's tag or shortcode, whole.
 * @param string $tag  Its tag name.
 * @return string
 */
function fjord_elements_hold( $html, $tag ) {
	static $next = 0;
	$held          = &fjord_elements_held();
	$held[ $next ] = $html;
	$elements      = fjord_elements_elements();
	$placeholder   = 'inline' === ( $elements[ $tag ]['display'] ?? 'block' ) ? "<!--fjord-element-$next-->" : "<div data-fjord-element=\"$next\"></div>";
	$next++;
	return $placeholder;
}

/**
 * Before wpautop: replaces each fjord shortcode, then each outermost fjord tag with its content, with a placeholder.
 * A tag that is not closed is left as it is.
 *
 * @param string $text Content about to go through wpautop.
 * @return string
 */
function fjord_elements_protect( $text ) {
	$elements = fjord_elements_elements();
	if ( ! $elements || ! is_string( $text ) || ( false === stripos( $text, '<fjord-' ) && false === strpos( $text, '[fjord_' ) ) ) {
		return $text;
	}
	if ( false !== strpos( $text, '[fjord_' ) && function_exists( 'get_shortcode_regex' ) ) {
		$names = array_map( 'fjord_elements_shortcode_name', array_keys( $elements ) );
		$text  = preg_replace_callback(
			'/' . get_shortcode_regex( $names ) . '/',
			function ( $match ) {
				// [[fjord_…]] is an escaped shortcode, shown as text.
				return '[' === $match[1] && ']' === $match[6] ? $match[0] : fjord_elements_hold( $match[0], str_replace( '_', '-', $match[2] ) );
			},
			$text
		);
	}
	$attribute = '(?:\s+[^\s"\'>\/=]+(?:\s*=\s*(?:"[^"]*"|\'[^\']*\'|[^\s"\'>]+))?)*';
	if ( ! preg_match_all( '/<(\/?)(fjord-[a-z0-9-]+)' . $attribute . '\s*\/?>/i', $text, $tags, PREG_SET_ORDER | PREG_OFFSET_CAPTURE ) ) {
		return $text;
	}
	$out   = '';
	$at    = 0;
	$depth = 0;
	$start = 0;
	$outer = '';
	foreach ( $tags as $tag ) {
		$name = strtolower( $tag[2][0] );
		if ( ! isset( $elements[ $name ] ) ) {
			continue;
		}
		$closing = '/' === $tag[1][0];
		if ( 0 === $depth ) {
			if ( ! $closing ) {
				list( $depth, $start, $outer ) = array( 1, $tag[0][1], $name );
			}
			continue;
		}
		$depth += $closing ? -1 : 1;
		if ( 0 === $depth ) {
			$end  = $tag[0][1] + strlen( $tag[0][0] );
			$out .= substr( $text, $at, $start - $at ) . fjord_elements_hold( substr( $text, $start, $end - $start ), $outer );
			$at   = $end;
		}
	}
	return $out . substr( $text, $at );
}

/**
 * After wpautop and do_shortcode: puts back each widget set aside, with what the filter would have done to it
 * (wptexturize's quotes in the text, do_shortcode for the shortcodes) when the filter running has those.
 *
 * @param string    $text      Content out of wpautop.
 * @param bool|null $filtered  Whether to apply wptexturize and do_shortcode; null: when the current filter has them.
 * @return string
 */
function fjord_elements_restore( $text, $filtered = null ) {
	$held = &fjord_elements_held();
	if ( ! $held || ! is_string( $text ) ) {
		return $text;
	}
	$filter    = current_filter();
	$texturize = false !== $filtered && false !== has_filter( $filter, 'wptexturize' );
	$shortcode = false !== $filtered && false !== has_filter( $filter, 'do_shortcode' );
	// A placeholder can hold another (a shortcode inside a tag): repeat until none is left.
	for ( $round = 0; $round < 8 && false !== strpos( $text, 'fjord-element' ); $round++ ) {
		$text = preg_replace_callback(
			'/<div data-fjord-element="(\d+)"><\/div>|<!--fjord-element-(\d+)-->/',
			function ( $match ) use ( &$held, $texturize, $shortcode ) {
				$id = (int) ( '' !== $match[1] ? $match[1] : $match[2] );
				if ( ! isset( $held[ $id ] ) ) {
					return $match[0];
				}
				$html = $held[ $id ];
				unset( $held[ $id ] );
				$html = $texturize ? wptexturize( $html ) : $html;
				return $shortcode ? do_shortcode( $html ) : $html;
			},
			$text
		);
	}
	return $text;
}

/**
 * wpautop() that keeps fjord widgets whole, for themes that run wpautop on their own fields (custom fields, term
 * descriptions): `echo fjord_elements_autop( get_post_meta( $id, 'sidebar', true ) );`.
 *
 * @param string $text Text with blank lines between paragraphs.
 * @param bool   $br   Whether other line breaks become <br />, as in wpautop().
 * @return string
 */
function fjord_elements_autop( $text, $br = true ) {
	return fjord_elements_restore( wpautop( fjord_elements_protect( $text ), $br ), false );
}

/** Sets the widgets aside around wpautop in the filters that run it on what editors write. */
function fjord_elements_add_autop_filters() {
	// Priority 9 comes after do_blocks (9, added before plugins load); 11 after wpautop (10) and do_shortcode (11).
	foreach ( (array) apply_filters( 'fjord_elements_autop_filters', array( 'the_content', 'widget_text_content' ) ) as $filter ) {
		add_filter( $filter, 'fjord_elements_protect', 9 );
		add_filter( $filter, 'fjord_elements_restore', 11 );
	}
}
add_action( 'init', 'fjord_elements_add_autop_filters' );

/**
 * A widget's shortcode: its tag with underscores ('fjord-fact-box' → 'fjord_fact_box').
 *
 * @param string $tag Tag name.
 * @return string
 */
function fjord_elements_shortcode_name( $tag ) {
	return str_replace( '-', '_', $tag );
}

/**
 * Writes a widget's shortcode as its tag: the attributes elements.json lists for it (and lang, class, id), each value
 * escaped; a boolean attribute when named alone ([fjord_newsletter_signup consent-required]) or with any value but
 * "false", "0" or "no"; the enclosed content as it is. The whole goes through kses as a post by an author does, so it
 * comes out as the same tag written by hand would.
 *
 * @param array|string $atts      The shortcode's attributes.
 * @param string|null  $content   What it encloses.
 * @param string       $shortcode Its name.
 * @return string
 */
function fjord_elements_shortcode( $atts, $content, $shortcode ) {
	$tag      = str_replace( '_', '-', $shortcode );
	$elements = fjord_elements_elements();
	if ( ! isset( $elements[ $tag ] ) ) {
		return '';
	}
	$kinds = array( 'lang' => 'string', 'class' => 'string', 'id' => 'string' );
	foreach ( $elements[ $tag ]['attributes'] as $attribute ) {
		$kinds[ $attribute['name'] ] = $attribute['kind'];
	}
	$html = '<' . $tag;
	foreach ( (array) $atts as $key => $value ) {
		$name = strtolower( is_int( $key ) ? (string) $value : (string) $key );
		if ( ! isset( $kinds[ $name ] ) ) {
			continue;
		}
		if ( 'boolean' === $kinds[ $name ] ) {
			$html .= is_int( $key ) || ! in_array( strtolower( trim( (string) $value ) ), array( 'false', '0', 'no' ), true ) ? ' ' . $name : '';
		} elseif ( ! is_int( $key ) ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	$html .= '>' . ( null === $content ? '' : $content ) . '</' . $tag . '>';
	return wp_kses_post( $html );
}

/** Registers the shortcodes, the blocks and their editor script. */
function fjord_elements_register() {
	foreach ( array_keys( fjord_elements_elements() ) as $tag ) {
		add_shortcode( fjord_elements_shortcode_name( $tag ), 'fjord_elements_shortcode' );
	}
	if ( ! function_exists( 'register_block_type' ) ) {
		return;
	}
	wp_register_script( 'fjord-elements-blocks', plugins_url( 'blocks/editor.js', __FILE__ ), array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ), FJORD_ELEMENTS_VERSION, true );
	foreach ( glob( __DIR__ . '/blocks/*/block.json' ) as $block ) {
		register_block_type( dirname( $block ) );
	}
}
add_action( 'init', 'fjord_elements_register' );

/**
 * The blocks' category in the inserter.
 *
 * @param array[] $categories Block categories.
 * @return array[]
 */
function fjord_elements_block_category( $categories ) {
	$categories[] = array( 'slug' => 'fjord-elements', 'title' => 'fjord-elements', 'icon' => null );
	return $categories;
}
add_filter( 'block_categories_all', 'fjord_elements_block_category' );

/** In the block editor: the widgets' stylesheet and module, so that the blocks show the widgets as readers see them. */
function fjord_elements_enqueue_editor() {
	// The editor script builds each block's sidebar from the same list the shortcodes use; only the editor pays for it.
	wp_add_inline_script( 'fjord-elements-blocks', 'var fjordElements = ' . wp_json_encode( array_values( fjord_elements_elements() ) ) . ';', 'before' );
	fjord_elements_enqueue_assets( false );
}
add_action( 'enqueue_block_editor_assets', 'fjord_elements_enqueue_editor' );
