/** The package root is the core plugin: `import SSKS2MR from 'ssks-2mr-kit'`. */
export { default } from './core/index'
export * from './core/index'
