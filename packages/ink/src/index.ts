// Public surface of @inkproof/ink — filled in as the package grows.
export {};
