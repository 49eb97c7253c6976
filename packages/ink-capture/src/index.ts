// Public surface of @inkproof/ink-capture — filled in as the package grows.
export {};
