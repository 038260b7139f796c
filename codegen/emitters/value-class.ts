/**
 * A generated class of typed constants (numbers and strings) with a docblock each: the shape shared by
 * CaptureSchema and RecoverySchema.
 */
import { type GeneratedFile, GENERATED_DIR, GENERATED_NAMESPACE, phpHeader } from '../file';
import { constantName, docblock, php } from '../php';

export interface ValueConstant {
	name: string;
	value: string | number;
	description: string;
}

export interface ValueClass {
	className: string;
	summary: string;
	classDoc: string;
	sources: string[];
	emitter: string;
	values: readonly ValueConstant[];
}

export function emitValueClass(def: ValueClass): GeneratedFile {
	const constants = def.values.map((v) => `${docblock(1, [v.description])}\n\tpublic const ${constantName(v.name)} = ${php(v.value)};`).join('\n\n');
	const content = `${phpHeader({ summary: def.summary, sources: def.sources, emitter: def.emitter, namespace: GENERATED_NAMESPACE })}
${docblock(0, [def.classDoc])}
final class ${def.className} {

${constants}
}
`;
	return { path: `${GENERATED_DIR}/${def.className}.php`, content };
}
